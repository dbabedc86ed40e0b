package com.freshloop.gateway.collector;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Writes accepted behaviour events to the behaviour topic, keyed by user, and waits for the acks. */
@Service
@EnableConfigurationProperties(CollectorProperties.class)
class EventCollector {

    static final String RECEIVED_AT_HEADER = "freshloop-received-at";

    private final KafkaTemplate<String, Object> kafka;
    private final CollectorProperties properties;
    private final Clock clock = Clock.systemUTC();

    EventCollector(KafkaTemplate<String, Object> kafka, CollectorProperties properties) {
        this.kafka = kafka;
        this.properties = properties;
    }

    Mono<Integer> publish(List<EventEnvelope<EventData>> events) {
        byte[] receivedAt = clock.instant().toString().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> {
                    ProducerRecord<String, Object> record =
                            new ProducerRecord<>(Topics.BEHAVIOUR, event.subject(), event);
                    record.headers().add(RECEIVED_AT_HEADER, receivedAt);
                    return kafka.send(record);
                })
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends))
                .timeout(properties.sendTimeout())
                .thenReturn(events.size());
    }
}
