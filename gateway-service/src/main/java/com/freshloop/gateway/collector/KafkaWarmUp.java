package com.freshloop.gateway.collector;

import com.freshloop.events.Topics;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the producer's metadata for the collector's topics before the gateway reports ready, so
 * the first batches after a start do not wait for (or time out on) a metadata fetch. Readiness only
 * turns to ACCEPTING_TRAFFIC after runners finish.
 */
@Component
class KafkaWarmUp implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KafkaWarmUp.class);
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final KafkaTemplate<String, Object> kafka;

    KafkaWarmUp(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void run(ApplicationArguments args) {
        Instant deadline = Instant.now().plus(PATIENCE);
        for (String topic : new String[] {Topics.BEHAVIOUR, Topics.CONTEXT}) {
            while (true) {
                try {
                    kafka.partitionsFor(topic);
                    break;
                } catch (RuntimeException e) {
                    if (Instant.now().isAfter(deadline)) {
                        // the collector answers 503 until Kafka is back; do not block start-up forever
                        log.warn("Kafka metadata for {} not available yet: {}", topic, e.getMessage());
                        return;
                    }
                }
            }
        }
        log.info("Kafka metadata loaded for the collector's topics");
    }
}
