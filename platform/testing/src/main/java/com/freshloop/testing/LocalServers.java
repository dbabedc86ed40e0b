package com.freshloop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the servers started by {@code ./freshloop infra} listen and how to log in: from the
 * environment, else from the project's {@code .freshloop/secrets.env} (found by walking up from the
 * working directory).
 */
public final class LocalServers {

    private static final Map<String, String> SECRETS = loadSecrets();

    private LocalServers() {}

    public static String get(String name, String fallback) {
        String env = System.getenv(name);
        if (env != null && !env.isBlank()) {
            return env;
        }
        return SECRETS.getOrDefault(name, fallback);
    }

    public static String require(String name) {
        String value = get(name, null);
        if (value == null) {
            throw new IllegalStateException(name + " is not set and no .freshloop/secrets.env was found: run "
                    + "`./freshloop infra` (it starts PostgreSQL, Redis and ClickHouse and writes the secrets) "
                    + "or provide a Docker engine for Testcontainers");
        }
        return value;
    }

    public static String pgHost() {
        return get("FRESHLOOP_PG_HOST", "localhost");
    }

    public static int pgPort() {
        return Integer.parseInt(get("FRESHLOOP_PG_PORT", "5432"));
    }

    public static String redisHost() {
        return get("FRESHLOOP_REDIS_HOST", "localhost");
    }

    public static int redisPort() {
        return Integer.parseInt(get("FRESHLOOP_REDIS_PORT", "6379"));
    }

    public static String clickHouseUrl() {
        return get("FRESHLOOP_CLICKHOUSE_URL", "http://localhost:8123");
    }

    private static Map<String, String> loadSecrets() {
        Map<String, String> values = new HashMap<>();
        secretsFile().ifPresent(file -> {
            try {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    int eq = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                        continue;
                    }
                    String value = trimmed.substring(eq + 1).trim();
                    if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
                        value = value.substring(1, value.length() - 1);
                    }
                    values.put(trimmed.substring(0, eq).trim().replaceFirst("^export\\s+", ""), value);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + file, e);
            }
        });
        return values;
    }

    private static Optional<Path> secretsFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve(".freshloop/secrets.env");
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }
}
