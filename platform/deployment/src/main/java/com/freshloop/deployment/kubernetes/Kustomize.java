package com.freshloop.deployment.kubernetes;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Renders a kustomization with {@code kubectl kustomize DIR}, which needs no cluster. kubectl is
 * taken from {@code $KUBECTL}, then {@code /usr/bin/kubectl}, then the {@code PATH}.
 */
public final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;

    private Kustomize() {}

    /** The rendered multi-document YAML; fails with kubectl's own message if the kustomization is broken. */
    public static String render(Path kustomization) {
        return render(kustomization, kubectl());
    }

    static String render(Path kustomization, Optional<Path> found) {
        Path kubectl = found.orElseThrow(() -> new IllegalStateException(
                "kubectl not found: install kubectl (1.27 or newer, it bundles kustomize 5) or point $KUBECTL"
                        + " at it; the Kubernetes manifests are validated with `kubectl kustomize`"));
        ProcessBuilder builder = new ProcessBuilder(List.of(
                kubectl.toString(), "kustomize", kustomization.toAbsolutePath().toString()));
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> out = read(process.getInputStream());
            CompletableFuture<String> err = read(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        "kubectl kustomize " + kustomization + " took over " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + kustomization + " failed (exit "
                        + process.exitValue() + "): " + err.join().strip());
            }
            return out.join();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + kubectl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + kustomization, e);
        }
    }

    static Optional<Path> kubectl() {
        String configured = System.getenv("KUBECTL");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        Path usual = Path.of("/usr/bin/kubectl");
        if (Files.isExecutable(usual)) {
            return Optional.of(usual);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "kubectl"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static CompletableFuture<String> read(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
