package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import com.freshloop.deployment.services.Placeholder;
import com.freshloop.deployment.services.ServiceCatalog;
import com.freshloop.deployment.services.ServiceConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The services as their code expects to run: a Deployment and a Service per module, the port of
 * its application.yml, exactly the environment variables its configuration reads (secrets from
 * Secrets, never literals), actuator probes, and endpoints (gateway routes, databases, Kafka) that
 * point at something the overlay really runs. Also: every Service selects pods and their ports.
 */
final class ServiceRules {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/.*");
    private static final Pattern SERVICE_URL = Pattern.compile("([A-Z]+)_SERVICE_URL");

    private final Rendered rendered;
    private final ServiceCatalog catalog;

    ServiceRules(Rendered rendered, ServiceCatalog catalog) {
        this.rendered = rendered;
        this.catalog = catalog;
    }

    List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        for (String name : catalog.names()) {
            ServiceConfig config = catalog.service(name).orElseThrow();
            Optional<Workload> workload = rendered.workload("Deployment", name);
            if (workload.isEmpty()) {
                violations.add(new Violation("Deployment/" + name, "missing: every service module needs a Deployment"));
                continue;
            }
            Container container = mainContainer(workload.get());
            List<String> problems = new ArrayList<>();
            env(config, container, problems);
            ports(config, container, problems);
            endpoints(container, problems);
            problems.forEach(
                    problem -> violations.add(new Violation(workload.get().subject(), problem)));
            service(config, violations);
        }
        for (Service service : rendered.services) {
            selects(service, violations);
        }
        return violations;
    }

    private static Container mainContainer(Workload workload) {
        return workload.pod().getContainers().stream()
                .filter(c -> c.getName().equals(workload.name()))
                .findFirst()
                .orElse(workload.pod().getContainers().get(0));
    }

    private void env(ServiceConfig config, Container container, List<String> problems) {
        List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
        Set<String> names = new TreeSet<>();
        Set<String> known = catalog.knownEnv(config.name());
        for (EnvVar var : env) {
            names.add(var.getName());
            if (!known.contains(var.getName())) {
                problems.add("env " + var.getName() + " is not read by " + config.name()
                        + " (not in its application.yml, the starter's defaults or the platform conventions)");
            }
            if (Placeholder.isSecret(var.getName()) && var.getValue() != null) {
                problems.add("env " + var.getName() + " is a secret given as a literal value: use a secretKeyRef");
            }
        }
        for (String required : catalog.requiredEnv(config.name())) {
            if (!names.contains(required)) {
                problems.add("env " + required + " is missing: " + config.name() + " needs it in a container");
            }
        }
        WorkloadRules.envValue(rendered, container, "SERVER_PORT")
                .filter(port -> !port.equals(String.valueOf(config.port())))
                .ifPresent(port ->
                        problems.add("SERVER_PORT is " + port + ", but application.yml serves " + config.port()));
    }

    private void ports(ServiceConfig config, Container container, List<String> problems) {
        Optional<ContainerPort> http = port(container, "http");
        if (http.isEmpty()) {
            problems.add("container " + container.getName() + " has no port named http");
        } else if (http.get().getContainerPort() != config.port()) {
            problems.add("container port http is " + http.get().getContainerPort() + ", but application.yml serves "
                    + config.port());
        }
        int management = WorkloadRules.envValue(rendered, container, "MANAGEMENT_SERVER_PORT")
                .map(Integer::parseInt)
                .orElse(config.port());
        probe(
                "readinessProbe",
                container.getReadinessProbe(),
                "/actuator/health/readiness",
                management,
                container,
                problems);
        probe(
                "livenessProbe",
                container.getLivenessProbe(),
                "/actuator/health/liveness",
                management,
                container,
                problems);
    }

    private static void probe(
            String which, Probe probe, String path, int port, Container container, List<String> problems) {
        if (probe == null) {
            return; // reported by WorkloadRules
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            problems.add(which + " must GET " + path + " (Spring Boot's health group)");
            return;
        }
        Integer probed = resolve(get.getPort(), container);
        if (probed == null || probed != port) {
            problems.add(which + " probes port " + get.getPort().getValue() + ", but the actuator listens on " + port);
        }
    }

    private static Integer resolve(IntOrString port, Container container) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return port(container, port.getStrVal())
                .map(ContainerPort::getContainerPort)
                .orElse(null);
    }

    private static Optional<ContainerPort> port(Container container, String name) {
        return container.getPorts() == null
                ? Optional.empty()
                : container.getPorts().stream()
                        .filter(p -> name.equals(p.getName()))
                        .findFirst();
    }

    private void endpoints(Container container, List<String> problems) {
        if (container.getEnv() == null) {
            return;
        }
        for (EnvVar var : container.getEnv()) {
            String name = var.getName();
            Optional<String> value = WorkloadRules.envValue(rendered, container, name);
            if (value.isEmpty()) {
                continue;
            }
            Matcher serviceUrl = SERVICE_URL.matcher(name);
            if (serviceUrl.matches()) {
                String expected = serviceUrl.group(1).toLowerCase(Locale.ROOT) + "-service";
                URI uri = URI.create(value.get());
                if (!expected.equals(uri.getHost())) {
                    problems.add(name + " points at " + uri.getHost() + ", not " + expected);
                }
                int port = catalog.service(expected).map(ServiceConfig::port).orElse(-1);
                if (uri.getPort() != port) {
                    problems.add(name + " uses port " + uri.getPort() + ", but " + expected + " serves " + port);
                }
                reachable(name, uri.getHost(), uri.getPort(), problems);
            } else if (name.equals("DB_URL")) {
                Matcher jdbc = JDBC.matcher(value.get());
                if (!jdbc.matches()) {
                    problems.add("DB_URL " + value.get() + " is not a jdbc:postgresql://host:port/db URL");
                } else {
                    reachable(name, jdbc.group(1), Integer.parseInt(jdbc.group(2)), problems);
                }
            } else if (name.equals("CLICKHOUSE_URL")) {
                URI uri = URI.create(value.get());
                reachable(name, uri.getHost(), uri.getPort(), problems);
            } else if (name.equals("REDIS_HOST")) {
                int port = WorkloadRules.envValue(rendered, container, "REDIS_PORT")
                        .map(Integer::parseInt)
                        .orElse(6379);
                reachable(name, value.get(), port, problems);
            } else if (name.equals("KAFKA_BOOTSTRAP_SERVERS")) {
                for (String server : value.get().split(",")) {
                    String[] hostPort = server.trim().split(":");
                    kafkaBootstrap(name, hostPort[0], Integer.parseInt(hostPort[1]), problems);
                }
            }
        }
    }

    private void reachable(String env, String host, int port, List<String> problems) {
        Optional<Service> service = rendered.service(host);
        if (service.isEmpty()) {
            problems.add(env + " points at " + host + ", which is not a Service of the manifests");
        } else if (service.get().getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
            problems.add(env + " points at port " + port + " of Service " + host + ", which does not expose it");
        }
    }

    /** Strimzi names the bootstrap Service of Kafka cluster {@code c} {@code c-kafka-bootstrap}. */
    private void kafkaBootstrap(String env, String host, int port, List<String> problems) {
        boolean found = rendered.ofKind("Kafka").stream().anyMatch(kafka -> {
            if (!host.equals(kafka.name() + "-kafka-bootstrap")) {
                return false;
            }
            return kafka.at("spec.kafka.listeners") instanceof List<?> listeners
                    && listeners.stream()
                            .anyMatch(l -> l instanceof Map<?, ?> m && Objects.equals(m.get("port"), port));
        });
        if (!found && rendered.service(host).isEmpty()) {
            problems.add(env + " points at " + host + ":" + port
                    + ", which is neither a Kafka listener nor a Service of the manifests");
        }
    }

    private void service(ServiceConfig config, List<Violation> violations) {
        Optional<Service> service = rendered.service(config.name());
        String subject = "Service/" + config.name();
        if (service.isEmpty()) {
            violations.add(new Violation(subject, "missing: the gateway reaches " + config.name() + " through it"));
            return;
        }
        Optional<ServicePort> http = service.get().getSpec().getPorts().stream()
                .filter(p -> "http".equals(p.getName()))
                .findFirst();
        if (http.isEmpty()) {
            violations.add(new Violation(subject, "has no port named http"));
        } else if (http.get().getPort() != config.port()) {
            violations.add(new Violation(
                    subject,
                    "port http is " + http.get().getPort() + ", but clients use " + config.port()
                            + " (the service's own port)"));
        }
    }

    private void selects(Service service, List<Violation> violations) {
        Map<String, String> selector = service.getSpec().getSelector();
        String subject = "Service/" + service.getMetadata().getName();
        List<Workload> selected = rendered.workloads.stream()
                .filter(w -> Selectors.matches(selector, w.podLabels()))
                .toList();
        if (selected.isEmpty()) {
            violations.add(new Violation(subject, "selects no pods (selector " + selector + ")"));
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            IntOrString target = port.getTargetPort();
            if (target == null || target.getStrVal() == null) {
                continue;
            }
            for (Workload workload : selected) {
                boolean named = WorkloadRules.containers(workload).stream()
                        .anyMatch(c -> port(c, target.getStrVal()).isPresent());
                if (!named) {
                    violations.add(new Violation(
                            subject,
                            "targetPort " + target.getStrVal() + " is not a named port of " + workload.subject()));
                }
            }
        }
    }
}
