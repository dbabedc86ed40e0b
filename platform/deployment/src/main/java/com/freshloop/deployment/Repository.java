package com.freshloop.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The freshloop checkout the validators read: docker-compose.yml, k8s/, the services' configuration
 * and the versions in the root pom.
 */
public record Repository(Path root) {

    private static final String ROOT_PROPERTY = "freshloop.root";

    /** The checkout named by the {@code freshloop.root} system property, or the one above the working directory. */
    public static Repository locate() {
        String configured = System.getProperty(ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new Repository(Path.of(configured).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return new Repository(dir);
            }
        }
        throw new IllegalStateException("cannot find the freshloop checkout: set -D" + ROOT_PROPERTY);
    }

    public Path composeFile() {
        return root.resolve("docker-compose.yml");
    }

    public Path k8s() {
        return root.resolve("k8s");
    }

    public Path envExample() {
        return root.resolve(".env.example");
    }

    public Path docker() {
        return root.resolve("docker");
    }

    /** A {@code <properties>} value of the root pom, e.g. {@code kafka.version}. */
    public Optional<String> rootPomProperty(String name) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</" + Pattern.quote(name) + ">")
                .matcher(read(root.resolve("pom.xml")));
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
