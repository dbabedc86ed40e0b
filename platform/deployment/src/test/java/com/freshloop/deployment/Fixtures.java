package com.freshloop.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.compose.ComposeRules;
import com.freshloop.deployment.kubernetes.Kustomize;
import com.freshloop.deployment.kubernetes.Manifest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The checkout under test, and copies of its k8s/ tree that tests may render or break. */
public final class Fixtures {

    public static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Repository REPOSITORY = Repository.locate();
    private static final Map<String, List<Manifest>> RENDERED = new ConcurrentHashMap<>();

    private Fixtures() {}

    public static Repository repository() {
        return REPOSITORY;
    }

    /** An overlay of the checkout, rendered once per test JVM (from a copy, see {@link #copyOfK8s}). */
    public static List<Manifest> rendered(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> {
            try {
                Path copy = copyOfK8s(Files.createTempDirectory("freshloop-k8s-"));
                return Manifest.parseAll(
                        Kustomize.render(copy.resolve("overlays").resolve(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * A copy of k8s/ under {@code dir}, with the dev overlay's uncommitted secrets.env written as a
     * developer would: every key of .env.example, with a dummy value.
     */
    public static Path copyOfK8s(Path dir) {
        Path target = dir.resolve("k8s");
        Path source = REPOSITORY.k8s();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else if (!file.getFileName().toString().equals("secrets.env")) {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            String secrets = ComposeRules.envFileKeys(Repository.read(REPOSITORY.envExample())).stream()
                    .map(key -> key + "=test-only-" + key.toLowerCase())
                    .collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(target.resolve("overlays/dev/secrets.env"), secrets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Replaces the one occurrence of {@code from} in a file; fails if it is not there exactly once. */
    public static void edit(Path file, String from, String to) {
        String text = Repository.read(file);
        assertThat(occurrences(text, from))
                .as("occurrences of %s in %s (the test's anchor drifted from the file)", from, file)
                .isEqualTo(1);
        write(file, text.replace(from, to));
    }

    /** Replaces the first occurrence of {@code from} after the first occurrence of {@code anchor}. */
    public static void editAfter(Path file, String anchor, String from, String to) {
        String text = Repository.read(file);
        int start = text.indexOf(anchor);
        assertThat(start).as("%s in %s", anchor, file).isNotNegative();
        int at = text.indexOf(from, start);
        assertThat(at).as("%s after %s in %s", from, anchor, file).isNotNegative();
        write(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** Replaces the text of one occurrence of {@code from} in a string; fails unless there is exactly one. */
    public static String replaceOnce(String text, String from, String to) {
        assertThat(occurrences(text, from)).as("occurrences of %s", from).isEqualTo(1);
        return text.replace(from, to);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
