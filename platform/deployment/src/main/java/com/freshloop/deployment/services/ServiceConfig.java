package com.freshloop.deployment.services;

import com.freshloop.deployment.Repository;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What a service's {@code src/main/resources/application.yml} says about running it: its port
 * ({@code server.port: ${SERVER_PORT:<port>}}) and the environment variables it reads.
 */
public record ServiceConfig(String name, int port, Map<String, Placeholder> placeholders) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern PORT = Pattern.compile("\\$\\{SERVER_PORT:(\\d+)}|^(\\d+)$");

    public ServiceConfig {
        placeholders = Collections.unmodifiableMap(new LinkedHashMap<>(placeholders));
    }

    public static ServiceConfig read(String name, Path applicationYml) {
        String text = Repository.read(applicationYml);
        Object port = path(firstDocument(text), "server", "port")
                .orElseThrow(() -> new IllegalStateException(applicationYml + " has no server.port"));
        Matcher matcher = PORT.matcher(String.valueOf(port).trim());
        if (!matcher.find()) {
            throw new IllegalStateException(
                    applicationYml + ": server.port is neither ${SERVER_PORT:<n>} nor a number");
        }
        int value = Integer.parseInt(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
        return new ServiceConfig(name, value, placeholders(text));
    }

    /** Every {@code ${UPPER_CASE}} placeholder of a text (YAML, or Java source that builds defaults). */
    public static Map<String, Placeholder> placeholders(String text) {
        Map<String, Placeholder> found = new LinkedHashMap<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.putIfAbsent(
                    matcher.group(1), new Placeholder(matcher.group(1), Optional.ofNullable(matcher.group(2))));
        }
        return found;
    }

    private static Map<?, ?> firstDocument(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (Object document : yaml.loadAll(text)) {
            if (document instanceof Map<?, ?> map) {
                return map;
            }
        }
        return Map.of();
    }

    private static Optional<Object> path(Map<?, ?> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m) || !m.containsKey(key)) {
                return Optional.empty();
            }
            current = m.get(key);
        }
        return Optional.ofNullable(current);
    }
}
