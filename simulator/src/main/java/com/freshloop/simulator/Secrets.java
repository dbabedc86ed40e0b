package com.freshloop.simulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds {@code FRESHLOOP_JWT_SECRET}: the environment first, else {@code .freshloop/secrets.env} in the
 * nearest directory at or above the working directory that has one (the repository root).
 */
public final class Secrets {

    static final String JWT_SECRET = "FRESHLOOP_JWT_SECRET";

    private Secrets() {}

    public static String jwtSecret(Map<String, String> env, Path workingDir) {
        String fromEnv = env.get(JWT_SECRET);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv.trim();
        }
        for (Path dir = workingDir.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(".freshloop").resolve("secrets.env");
            if (Files.isRegularFile(file)) {
                Optional<String> value = read(file, JWT_SECRET);
                if (value.isPresent()) {
                    return value.get();
                }
            }
        }
        throw new IllegalStateException(JWT_SECRET + " is neither in the environment nor in .freshloop/secrets.env"
                + " (run ./freshloop up once to generate it)");
    }

    static Optional<String> read(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.trim();
                if (trimmed.startsWith("export ")) {
                    trimmed = trimmed.substring(7).trim();
                }
                if (trimmed.startsWith(key + "=")) {
                    String value = trimmed.substring(key.length() + 1).trim();
                    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
