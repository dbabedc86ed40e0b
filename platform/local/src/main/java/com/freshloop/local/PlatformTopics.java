package com.freshloop.local;

import com.freshloop.events.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates every topic of {@link Topics#ALL} and its dead-letter topic, if missing. */
final class PlatformTopics {

    /**
     * Dead-letter topics get as many partitions as their source: a dead-letter publisher keeps the
     * record's partition number by default.
     */
    static final int PARTITIONS = 3;

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private PlatformTopics() {}

    static List<String> names() {
        return Topics.ALL.stream()
                .flatMap(topic -> List.of(topic, Topics.deadLetter(topic)).stream())
                .toList();
    }

    static void ensure(String bootstrapServers) throws InterruptedException, ExecutionException {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG,
                "freshloop-local-topics",
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) TIMEOUT.toMillis());
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = names().stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, PARTITIONS, (short) 1))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (KafkaFuture<Void> created :
                    admin.createTopics(missing).values().values()) {
                try {
                    created.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Another client (or an auto-creating producer) won the race: the topic exists.
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "the broker at " + bootstrapServers + " did not answer within " + TIMEOUT, e);
        }
    }
}
