package com.freshloop.deployment.compose;

import com.freshloop.deployment.Repository;
import com.freshloop.deployment.Violation;
import com.freshloop.deployment.kubernetes.Expectations;
import com.freshloop.deployment.services.Placeholder;
import com.freshloop.deployment.services.ServiceCatalog;
import com.freshloop.deployment.services.ServiceConfig;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker-compose.yml: every container has a healthcheck (one-shot jobs excepted) and a memory
 * limit, waits for its dependencies through conditions, runs a pinned image; every service module
 * runs, from the shared Dockerfile, with its application.yml's port and exactly the environment its
 * configuration reads; secrets come only from the env file, without defaults; the topic initialiser
 * creates every platform topic.
 */
public final class ComposeRules {

    /** Marks a container that runs to completion (topic creation, job submission). */
    public static final String ONE_SHOT_LABEL = "com.freshloop.one-shot";

    static final String SPRING_DOCKERFILE = "docker/spring-boot.Dockerfile";

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");
    private static final Pattern ANY_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)([^}]*)}");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*");
    private static final Pattern SERVICE_URL = Pattern.compile("([A-Z]+)_SERVICE_URL");

    private final Path root;
    private final ServiceCatalog catalog;
    private final Expectations expected;
    private final Set<String> envFileKeys;

    public ComposeRules(Path root, ServiceCatalog catalog, Expectations expected, Set<String> envFileKeys) {
        this.root = root;
        this.catalog = catalog;
        this.expected = expected;
        this.envFileKeys = envFileKeys;
    }

    public static ComposeRules of(Repository repository) {
        return new ComposeRules(
                repository.root(),
                ServiceCatalog.of(repository),
                Expectations.of(repository),
                envFileKeys(Repository.read(repository.envExample())));
    }

    /** The keys an env file defines ({@code KEY=value} lines; comments and blanks skipped). */
    public static Set<String> envFileKeys(String envFile) {
        return envFile.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#") && line.contains("="))
                .map(line -> line.substring(0, line.indexOf('=')).strip())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parse(String yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a compose file");
        }
        return (Map<String, Object>) map;
    }

    public List<Violation> check(String composeYaml) {
        return check(parse(composeYaml));
    }

    public List<Violation> check(Map<String, Object> compose) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Map<String, Object>> services = services(compose);
        services.forEach((name, service) -> container(name, service, services, violations));
        for (String name : catalog.names()) {
            if (!services.containsKey(name)) {
                violations.add(
                        new Violation("compose service " + name, "missing: every service module runs in compose"));
            } else {
                spring(catalog.service(name).orElseThrow(), services.get(name), services, violations);
            }
        }
        topics(services, violations);
        return violations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        if (compose.get("services") instanceof Map<?, ?> map) {
            map.forEach((name, service) -> services.put(
                    String.valueOf(name), service instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of()));
        }
        return services;
    }

    private void container(
            String name,
            Map<String, Object> service,
            Map<String, Map<String, Object>> services,
            List<Violation> violations) {
        String subject = "compose service " + name;
        boolean oneShot = isOneShot(service);
        if (oneShot && !"no".equals(String.valueOf(service.get("restart")))) {
            violations.add(new Violation(subject, "is a one-shot job but restart is not \"no\""));
        }
        if (!oneShot && !hasHealthcheck(service)) {
            violations.add(new Violation(subject, "has no healthcheck"));
        }
        if (memoryLimit(service) == null) {
            violations.add(new Violation(subject, "has no memory limit (deploy.resources.limits.memory)"));
        }
        dependencies(subject, service, services, violations);
        image(name, subject, service, violations);
        environment(service).forEach((key, value) -> {
            boolean secret = Placeholder.isSecret(key);
            Matcher required = REQUIRED_VARIABLE.matcher(value);
            if (secret && !required.matches()) {
                violations.add(new Violation(
                        subject,
                        "env " + key + " must be ${VARIABLE:?message}: a secret has no default or literal value here"));
            }
            Matcher any = ANY_VARIABLE.matcher(value);
            while (any.find()) {
                boolean isRequired = any.group(2).startsWith(":?");
                if (isRequired && !envFileKeys.contains(any.group(1))) {
                    violations.add(new Violation(
                            subject,
                            "env " + key + " needs ${" + any.group(1) + "}, which .env.example does not list"));
                }
            }
        });
    }

    private void dependencies(
            String subject,
            Map<String, Object> service,
            Map<String, Map<String, Object>> services,
            List<Violation> violations) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn == null) {
            return;
        }
        if (!(dependsOn instanceof Map<?, ?> map)) {
            violations.add(new Violation(
                    subject,
                    "depends_on is a list: use {service: {condition: service_healthy}} so it waits for readiness"));
            return;
        }
        map.forEach((dependency, spec) -> {
            String target = String.valueOf(dependency);
            Object condition = spec instanceof Map<?, ?> m ? m.get("condition") : null;
            Map<String, Object> targetService = services.get(target);
            if (targetService == null) {
                violations.add(new Violation(subject, "depends on " + target + ", which is not a compose service"));
            } else if ("service_healthy".equals(condition)) {
                if (!hasHealthcheck(targetService)) {
                    violations.add(new Violation(
                            subject, "waits for " + target + " to be healthy, but " + target + " has no healthcheck"));
                }
            } else if ("service_completed_successfully".equals(condition)) {
                if (!isOneShot(targetService)) {
                    violations.add(new Violation(
                            subject, "waits for " + target + " to complete, but " + target + " is not a one-shot job"));
                }
            } else {
                violations.add(new Violation(
                        subject,
                        "depends on " + target + " with condition " + condition
                                + ": use service_healthy (or service_completed_successfully for a one-shot job)"));
            }
        });
    }

    private void image(String name, String subject, Map<String, Object> service, List<Violation> violations) {
        Object image = service.get("image");
        if (image == null) {
            violations.add(new Violation(subject, "has no image"));
            return;
        }
        String value = String.valueOf(image);
        String tag = value.contains(":") ? value.substring(value.lastIndexOf(':') + 1) : "";
        if (tag.isEmpty() || tag.equals("latest")) {
            violations.add(new Violation(subject, "image " + value + " is not pinned to a version"));
        }
        if (value.startsWith("apache/kafka:") && !tag.equals(expected.kafkaVersion())) {
            violations.add(new Violation(
                    subject,
                    "image " + value + ", but the platform is built against Kafka " + expected.kafkaVersion()
                            + " (root pom kafka.version)"));
        }
        if (service.get("build") instanceof Map<?, ?> build) {
            Object dockerfile = build.get("dockerfile");
            if (dockerfile == null || !Files.isRegularFile(root.resolve(String.valueOf(dockerfile)))) {
                violations.add(new Violation(subject, "builds from " + dockerfile + ", which does not exist"));
            }
            if (!value.startsWith("freshloop/")) {
                violations.add(new Violation(subject, "builds an image named " + value + ", not freshloop/..."));
            }
        }
        if (catalog.service(name).isPresent()) {
            Object args = service.get("build") instanceof Map<?, ?> build ? build.get("args") : null;
            Object dockerfile = service.get("build") instanceof Map<?, ?> build ? build.get("dockerfile") : null;
            Object serviceArg = args instanceof Map<?, ?> m ? m.get("SERVICE") : null;
            if (!SPRING_DOCKERFILE.equals(dockerfile) || !name.equals(serviceArg)) {
                violations.add(new Violation(
                        subject,
                        "must build from " + SPRING_DOCKERFILE + " with build arg SERVICE=" + name
                                + " (the one layered Spring Boot image recipe)"));
            }
            if (!value.startsWith("freshloop/" + name + ":")) {
                violations.add(new Violation(subject, "image " + value + " is not freshloop/" + name + ":<version>"));
            }
        }
    }

    private void spring(
            ServiceConfig config,
            Map<String, Object> service,
            Map<String, Map<String, Object>> services,
            List<Violation> violations) {
        String subject = "compose service " + config.name();
        Map<String, String> env = environment(service);
        Set<String> known = catalog.knownEnv(config.name());
        for (String key : env.keySet()) {
            if (!known.contains(key)) {
                violations.add(new Violation(
                        subject,
                        "env " + key + " is not read by " + config.name()
                                + " (not in its application.yml, the starter's defaults or the platform conventions)"));
            }
        }
        for (String required : catalog.requiredEnv(config.name())) {
            if (!env.containsKey(required)) {
                violations.add(new Violation(
                        subject, "env " + required + " is missing: " + config.name() + " needs it in a container"));
            }
        }
        String port = String.valueOf(config.port());
        if (env.containsKey("SERVER_PORT") && !env.get("SERVER_PORT").equals(port)) {
            violations.add(new Violation(
                    subject, "SERVER_PORT is " + env.get("SERVER_PORT") + ", but application.yml serves " + port));
        }
        Set<String> containerPorts = containerPorts(service);
        if (!containerPorts.contains(port)) {
            violations.add(
                    new Violation(subject, "exposes " + containerPorts + ", but application.yml serves " + port));
        }
        String test = healthcheckTest(service);
        if (hasHealthcheck(service) && (!test.contains(port) || !test.contains("/actuator/health/readiness"))) {
            violations.add(new Violation(
                    subject, "healthcheck must GET port " + port + " /actuator/health/readiness, not: " + test));
        }
        Set<String> reachable = dependencyClosure(config.name(), services);
        env.forEach((key, value) -> endpoint(subject, key, value, services, reachable, violations));
    }

    private void endpoint(
            String subject,
            String key,
            String value,
            Map<String, Map<String, Object>> services,
            Set<String> reachable,
            List<Violation> violations) {
        String host = null;
        Matcher serviceUrl = SERVICE_URL.matcher(key);
        if (serviceUrl.matches()) {
            String target = serviceUrl.group(1).toLowerCase(Locale.ROOT) + "-service";
            URI uri = URI.create(value);
            host = uri.getHost();
            int port = catalog.service(target).map(ServiceConfig::port).orElse(-1);
            if (!target.equals(host) || uri.getPort() != port) {
                violations.add(new Violation(subject, key + " is " + value + ", not http://" + target + ":" + port));
            }
        } else if (key.equals("DB_URL")) {
            Matcher jdbc = JDBC.matcher(value);
            host = jdbc.matches() ? jdbc.group(1) : null;
        } else if (key.equals("CLICKHOUSE_URL")) {
            host = URI.create(value).getHost();
        } else if (key.equals("REDIS_HOST")) {
            host = value;
        } else if (key.equals("KAFKA_BOOTSTRAP_SERVERS")) {
            host = value.split(",")[0].split(":")[0];
        }
        if (host == null) {
            return;
        }
        if (!services.containsKey(host)) {
            violations.add(new Violation(subject, key + " points at " + host + ", which is not a compose service"));
        } else if (!reachable.contains(host)) {
            violations.add(new Violation(
                    subject, key + " points at " + host + ", but nothing in its depends_on waits for " + host));
        }
    }

    /** Every service the given one waits for, directly or through its dependencies. */
    private static Set<String> dependencyClosure(String name, Map<String, Map<String, Object>> services) {
        Set<String> seen = new TreeSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(name));
        while (!queue.isEmpty()) {
            Map<String, Object> service = services.get(queue.pop());
            if (service != null && service.get("depends_on") instanceof Map<?, ?> deps) {
                for (Object dependency : deps.keySet()) {
                    if (seen.add(String.valueOf(dependency))) {
                        queue.push(String.valueOf(dependency));
                    }
                }
            }
        }
        return seen;
    }

    private void topics(Map<String, Map<String, Object>> services, List<Violation> violations) {
        Map.Entry<String, Map<String, Object>> init = services.entrySet().stream()
                .filter(e -> isOneShot(e.getValue()) && command(e.getValue()).contains("kafka-topics"))
                .findFirst()
                .orElse(null);
        if (init == null) {
            violations.add(new Violation("compose", "no one-shot service creates the Kafka topics (kafka-topics.sh)"));
            return;
        }
        String command = command(init.getValue());
        boolean deadLetters = command.contains(".dlt");
        for (String topic : expected.topics()) {
            boolean created = topic.endsWith(".dlt")
                    ? command.contains(topic)
                            || (deadLetters && command.contains(topic.substring(0, topic.length() - 4)))
                    : command.contains(topic);
            if (!created) {
                violations.add(new Violation("compose service " + init.getKey(), "does not create topic " + topic));
            }
        }
    }

    static boolean isOneShot(Map<String, Object> service) {
        return service.get("labels") instanceof Map<?, ?> labels
                && "true".equals(String.valueOf(labels.get(ONE_SHOT_LABEL)));
    }

    private static boolean hasHealthcheck(Map<String, Object> service) {
        if (!(service.get("healthcheck") instanceof Map<?, ?> healthcheck)) {
            return false;
        }
        return !Boolean.TRUE.equals(healthcheck.get("disable"))
                && healthcheck.get("test") != null
                && !String.valueOf(healthcheck.get("test")).contains("NONE");
    }

    private static String healthcheckTest(Map<String, Object> service) {
        return service.get("healthcheck") instanceof Map<?, ?> healthcheck ? flatten(healthcheck.get("test")) : "";
    }

    private static String command(Map<String, Object> service) {
        return flatten(service.get("entrypoint")) + " " + flatten(service.get("command"));
    }

    private static String flatten(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return String.valueOf(value);
    }

    private static Object memoryLimit(Map<String, Object> service) {
        if (service.get("mem_limit") != null) {
            return service.get("mem_limit");
        }
        if (service.get("deploy") instanceof Map<?, ?> deploy
                && deploy.get("resources") instanceof Map<?, ?> resources
                && resources.get("limits") instanceof Map<?, ?> limits) {
            return limits.get("memory");
        }
        return null;
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = service.get("environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        }
        return env;
    }

    private static Set<String> containerPorts(Map<String, Object> service) {
        Set<String> ports = new TreeSet<>();
        if (service.get("expose") instanceof List<?> expose) {
            expose.forEach(p -> ports.add(String.valueOf(p)));
        }
        if (service.get("ports") instanceof List<?> published) {
            for (Object p : published) {
                if (p instanceof Map<?, ?> long_) {
                    ports.add(String.valueOf(long_.get("target")));
                } else {
                    String s = String.valueOf(p);
                    ports.add(s.substring(s.lastIndexOf(':') + 1).replace("/tcp", ""));
                }
            }
        }
        return ports;
    }
}
