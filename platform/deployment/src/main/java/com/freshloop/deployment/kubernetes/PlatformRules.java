package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Violation;
import com.freshloop.events.Topics;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Kafka (Strimzi) and the stream jobs (Flink operator) as the code needs them: KRaft with node pools
 * at the platform's Kafka version, every topic of {@link Topics} with its dead-letter topic (same
 * partitions), replication the brokers can hold, enough partitions for the HPAs; Flink at the
 * platform's version with RocksDB state and operator-managed restores.
 */
final class PlatformRules {

    private final Rendered rendered;
    private final Expectations expected;

    PlatformRules(Rendered rendered, Expectations expected) {
        this.rendered = rendered;
        this.expected = expected;
    }

    List<Violation> check() {
        List<Violation> violations = new ArrayList<>();
        kafka(violations);
        topics(violations);
        flink(violations);
        return violations;
    }

    private void kafka(List<Violation> violations) {
        List<Manifest> clusters = rendered.ofKind("Kafka");
        if (clusters.isEmpty()) {
            violations.add(
                    new Violation("Kafka", "missing: the platform's Kafka cluster (Strimzi) is not in the manifests"));
        }
        for (Manifest kafka : clusters) {
            for (String annotation : List.of("strimzi.io/kraft", "strimzi.io/node-pools")) {
                if (!"enabled".equals(kafka.at("metadata", "annotations", annotation))) {
                    violations.add(new Violation(kafka.subject(), "annotation " + annotation + " is not \"enabled\""));
                }
            }
            Object version = kafka.at("spec.kafka.version");
            if (!expected.kafkaVersion().equals(String.valueOf(version))) {
                violations.add(new Violation(
                        kafka.subject(),
                        "spec.kafka.version is " + version + ", but the platform is built against Kafka "
                                + expected.kafkaVersion() + " (root pom kafka.version)"));
            }
            if (brokers(kafka.name()) == 0) {
                violations.add(new Violation(kafka.subject(), "no KafkaNodePool with the broker role"));
            }
        }
    }

    private int brokers(String cluster) {
        return rendered.ofKind("KafkaNodePool").stream()
                .filter(pool -> cluster.equals(pool.at("metadata", "labels", "strimzi.io/cluster")))
                .filter(pool -> pool.at("spec.roles") instanceof List<?> roles && roles.contains("broker"))
                .mapToInt(pool -> pool.at("spec.replicas") instanceof Number n ? n.intValue() : 0)
                .sum();
    }

    private void topics(List<Violation> violations) {
        Map<String, Manifest> byTopic = new LinkedHashMap<>();
        for (Manifest topic : rendered.ofKind("KafkaTopic")) {
            Object name = topic.at("spec.topicName");
            byTopic.put(name == null ? topic.name() : String.valueOf(name), topic);
        }
        int maxReplicas = rendered.hpas.stream()
                .mapToInt(hpa -> hpa.getSpec().getMaxReplicas())
                .max()
                .orElse(1);
        String hpaNames = rendered.hpas.stream()
                .filter(hpa -> hpa.getSpec().getMaxReplicas() == maxReplicas)
                .map(HorizontalPodAutoscaler::getMetadata)
                .map(meta -> meta.getName())
                .toList()
                .toString();
        for (String expectedTopic : expected.topics()) {
            if (!byTopic.containsKey(expectedTopic)) {
                violations.add(
                        new Violation("KafkaTopic/" + expectedTopic, "missing: platform/events Topics declares it"));
            }
        }
        for (Map.Entry<String, Manifest> entry : byTopic.entrySet()) {
            String topic = entry.getKey();
            Manifest manifest = entry.getValue();
            if (!expected.topics().contains(topic)) {
                violations.add(new Violation(
                        manifest.subject(), "is not a platform topic (platform/events Topics.ALL and their .dlt)"));
            }
            Object cluster = manifest.at("metadata", "labels", "strimzi.io/cluster");
            Manifest kafka = rendered.ofKind("Kafka").stream()
                    .filter(k -> k.name().equals(cluster))
                    .findFirst()
                    .orElse(null);
            if (kafka == null) {
                violations.add(new Violation(
                        manifest.subject(), "label strimzi.io/cluster " + cluster + " names no Kafka cluster"));
                continue;
            }
            int partitions = number(manifest.at("spec.partitions"));
            int replicas = number(manifest.at("spec.replicas"));
            int brokers = brokers(kafka.name());
            if (replicas > brokers) {
                violations.add(new Violation(
                        manifest.subject(),
                        "has " + replicas + " replicas but the cluster has " + brokers + " broker(s)"));
            }
            Object minIsr = kafka.at("spec", "kafka", "config", "min.insync.replicas");
            if (minIsr != null && replicas > 1 && number(minIsr) >= replicas) {
                violations.add(new Violation(
                        manifest.subject(),
                        replicas + " replicas with min.insync.replicas " + minIsr
                                + ": producers with acks=all stop while one broker restarts"));
            }
            if (partitions < maxReplicas) {
                violations.add(new Violation(
                        manifest.subject(),
                        partitions + " partitions, fewer than maxReplicas " + maxReplicas + " of " + hpaNames
                                + ": the extra consumers would sit idle"));
            }
            if (topic.endsWith(".dlt")) {
                Manifest source = byTopic.get(topic.substring(0, topic.length() - ".dlt".length()));
                if (source != null && number(source.at("spec.partitions")) != partitions) {
                    violations.add(new Violation(
                            manifest.subject(),
                            partitions + " partitions, but its source topic has " + number(source.at("spec.partitions"))
                                    + ": dead-letter publishers keep the record's partition"));
                }
            }
        }
    }

    private void flink(List<Violation> violations) {
        List<Manifest> deployments = rendered.ofKind("FlinkDeployment");
        if (deployments.isEmpty()) {
            violations.add(new Violation("FlinkDeployment", "missing: the stream jobs are not in the manifests"));
        }
        for (Manifest flink : deployments) {
            String subject = flink.subject();
            Object version = flink.at("spec.flinkVersion");
            if (!expected.operatorFlinkVersion().equals(version)) {
                violations.add(new Violation(
                        subject,
                        "spec.flinkVersion is " + version + ", but the jobs are built against Flink "
                                + expected.flinkVersion() + " (" + expected.operatorFlinkVersion() + ")"));
            }
            Object image = flink.at("spec.image");
            if (image == null
                    || !String.valueOf(image).contains(":")
                    || String.valueOf(image).endsWith(":latest")) {
                violations.add(new Violation(subject, "spec.image " + image + " is not pinned to a version"));
            }
            if (!"rocksdb".equals(flink.at("spec", "flinkConfiguration", "state.backend.type"))) {
                violations.add(new Violation(subject, "state.backend.type is not rocksdb"));
            }
            if (!Set.of("savepoint", "last-state").contains(String.valueOf(flink.at("spec.job.upgradeMode")))) {
                violations.add(new Violation(
                        subject,
                        "job.upgradeMode must be savepoint or last-state, so that"
                                + " an upgrade keeps the jobs' state"));
            }
            List<?> args = flink.at("spec.job.args") instanceof List<?> list ? list : List.of();
            Object checkpoints = flink.at("spec", "flinkConfiguration", "execution.checkpointing.dir");
            String argDir = argument(args, "--checkpoint-dir");
            if (checkpoints == null) {
                violations.add(new Violation(subject, "execution.checkpointing.dir is not set"));
            } else if (!Objects.equals(argDir, checkpoints)) {
                violations.add(new Violation(
                        subject,
                        "--checkpoint-dir " + argDir + " differs from execution.checkpointing.dir " + checkpoints
                                + " (the job's setting wins; the operator looks at the configuration)"));
            }
            if (!"none".equals(argument(args, "--restore-from"))) {
                violations.add(new Violation(
                        subject,
                        "job args lack --restore-from none: the job would pick its own checkpoint and override"
                                + " the savepoint the operator restores from"));
            }
            String servers = argument(args, "--bootstrap.servers");
            boolean bootstrap = servers != null
                    && rendered.ofKind("Kafka").stream()
                            .anyMatch(k -> servers.startsWith(k.name() + "-kafka-bootstrap:"));
            if (!bootstrap) {
                violations.add(new Violation(
                        subject,
                        "--bootstrap.servers " + servers + " is not the bootstrap Service of a Kafka cluster"));
            }
        }
    }

    private static String argument(List<?> args, String name) {
        int index = args.indexOf(name);
        return index >= 0 && index + 1 < args.size() ? String.valueOf(args.get(index + 1)) : null;
    }

    private static int number(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
