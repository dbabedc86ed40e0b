package com.freshloop.deployment.kubernetes;

import com.freshloop.deployment.Repository;
import com.freshloop.events.Topics;
import java.util.ArrayList;
import java.util.List;

/**
 * What the platform's code expects of its infrastructure: the Kafka and Flink versions it is built
 * against (root pom) and the topics it uses (platform/events {@link Topics}).
 *
 * @param topics every topic with its dead-letter topic
 */
public record Expectations(String kafkaVersion, String flinkVersion, List<String> topics) {

    public static Expectations of(Repository repository) {
        List<String> topics = new ArrayList<>();
        for (String topic : Topics.ALL) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        return new Expectations(
                repository.rootPomProperty("kafka.version").orElseThrow(),
                repository.rootPomProperty("flink.version").orElseThrow(),
                List.copyOf(topics));
    }

    /** The Flink Kubernetes Operator's name of the Flink line, e.g. {@code v2_2} for 2.2.1. */
    public String operatorFlinkVersion() {
        String[] parts = flinkVersion.split("\\.");
        return "v" + parts[0] + "_" + parts[1];
    }
}
