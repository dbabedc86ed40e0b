package com.freshloop.deployment.services;

import com.freshloop.deployment.Repository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every Spring Boot service of the checkout (a {@code *-service} module with an application.yml)
 * and the environment each may and must be given, read from the repository itself so that a
 * deployment file cannot drift from the code it runs.
 */
public final class ServiceCatalog {

    /** The gateway: the only service reachable from outside, and the only caller of the others. */
    public static final String ENTRY_POINT = "gateway-service";

    /** The platform's environment conventions (shared across services, read by the starter or the services). */
    static final Set<String> PLATFORM_ENV = Set.of(
            "SERVER_PORT",
            "FRESHLOOP_JWT_SECRET",
            "KAFKA_BOOTSTRAP_SERVERS",
            "DB_URL",
            "DB_USERNAME",
            "DB_PASSWORD",
            "REDIS_HOST",
            "REDIS_PORT",
            "CLICKHOUSE_URL",
            "CLICKHOUSE_USER",
            "CLICKHOUSE_PASSWORD",
            "CLICKHOUSE_DATABASE");

    /** Set by the deployment for the JVM and Spring Boot itself, not read through a placeholder. */
    static final Set<String> RUNTIME_ENV =
            Set.of("SPRING_PROFILES_ACTIVE", "MANAGEMENT_SERVER_PORT", "JAVA_TOOL_OPTIONS");

    private static final Path PLATFORM_DEFAULTS =
            Path.of("platform/starter/src/main/java/com/freshloop/starter/config/PlatformDefaults.java");

    private final Map<String, ServiceConfig> services;
    private final Map<String, Placeholder> platform;

    public ServiceCatalog(Map<String, ServiceConfig> services, Map<String, Placeholder> platform) {
        this.services = new LinkedHashMap<>(services);
        this.platform = new LinkedHashMap<>(platform);
    }

    public static ServiceCatalog of(Repository repository) {
        Map<String, ServiceConfig> services = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(repository.root())) {
            dirs.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .sorted()
                    .forEach(dir -> {
                        Path yml = dir.resolve("src/main/resources/application.yml");
                        if (Files.isRegularFile(yml)) {
                            String name = dir.getFileName().toString();
                            services.put(name, ServiceConfig.read(name, yml));
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path defaults = repository.root().resolve(PLATFORM_DEFAULTS);
        Map<String, Placeholder> platform =
                Files.isRegularFile(defaults) ? ServiceConfig.placeholders(Repository.read(defaults)) : Map.of();
        return new ServiceCatalog(services, platform);
    }

    public List<String> names() {
        return List.copyOf(services.keySet());
    }

    public Optional<ServiceConfig> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** Environment variables a deployment may set for the service; anything else is a typo or stale. */
    public Set<String> knownEnv(String service) {
        Set<String> known = new TreeSet<>(PLATFORM_ENV);
        known.addAll(RUNTIME_ENV);
        known.addAll(platform.keySet());
        known.addAll(services.get(service).placeholders().keySet());
        return known;
    }

    /** Environment variables a container must set for the service to work (see {@link Placeholder#requiredInContainer()}). */
    public Set<String> requiredEnv(String service) {
        Set<String> required = new TreeSet<>();
        Stream.concat(platform.values().stream(), services.get(service).placeholders().values().stream())
                .filter(Placeholder::requiredInContainer)
                .forEach(placeholder -> required.add(placeholder.name()));
        return required;
    }
}
