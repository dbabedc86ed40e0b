package com.freshloop.gateway.collector;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes accepted events to their topic keyed by subject (user id, or region for context) and
 * waits for the acknowledgements (the producer is idempotent with acks=all).
 *
 * <ul>
 *   <li>Idempotent by event id: ids already written in the last {@code dedupe-ttl} are skipped
 *       (remembered in Redis after Kafka acknowledged them; consumers dedupe again, so a race
 *       between two identical batches costs nothing downstream).
 *   <li>Back-pressure: at most {@code max-in-flight} events wait for Kafka at once; beyond that the
 *       caller gets {@link Overloaded} (429 with Retry-After) instead of an unbounded buffer.
 *   <li>Event time stays in the envelope; the receive time and request id go into headers.
 * </ul>
 */
@Service
@EnableConfigurationProperties(CollectorProperties.class)
class EventCollector {

    static final String RECEIVED_AT_HEADER = "freshloop-received-at";
    static final String REQUEST_ID_HEADER = "freshloop-request-id";
    private static final String DEDUPE_PREFIX = "freshloop:collector:event:";
    private static final Logger log = LoggerFactory.getLogger(EventCollector.class);

    /** Too many events are waiting for Kafka already. */
    static final class Overloaded extends RuntimeException {
        Overloaded() {
            super("collector overloaded", null, false, false);
        }
    }

    /** What happened to a batch. */
    record Outcome(int accepted, int duplicates) {}

    private final KafkaTemplate<String, Object> kafka;
    private final ReactiveStringRedisTemplate redis;
    private final CollectorProperties properties;
    private final Semaphore inFlight;
    private final Clock clock = Clock.systemUTC();

    EventCollector(
            KafkaTemplate<String, Object> kafka, ReactiveStringRedisTemplate redis, CollectorProperties properties) {
        this.kafka = kafka;
        this.redis = redis;
        this.properties = properties;
        this.inFlight = new Semaphore(properties.maxInFlight());
    }

    Mono<Outcome> publish(List<EventEnvelope<EventData>> events, String topic, String requestId) {
        return unseen(events).flatMap(fresh -> {
            if (fresh.isEmpty()) {
                return Mono.just(new Outcome(0, events.size()));
            }
            if (!inFlight.tryAcquire(fresh.size())) {
                return Mono.error(new Overloaded());
            }
            return send(fresh, topic, requestId)
                    .then(remember(fresh))
                    .thenReturn(new Outcome(fresh.size(), events.size() - fresh.size()))
                    .doFinally(signal -> inFlight.release(fresh.size()));
        });
    }

    private Mono<Void> send(List<EventEnvelope<EventData>> events, String topic, String requestId) {
        byte[] receivedAt = clock.instant().toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = requestId == null ? null : requestId.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<?>[] sends = events.stream()
                .map(event -> {
                    ProducerRecord<String, Object> record = new ProducerRecord<>(topic, event.subject(), event);
                    record.headers().add(RECEIVED_AT_HEADER, receivedAt);
                    if (request != null) {
                        record.headers().add(REQUEST_ID_HEADER, request);
                    }
                    return kafka.send(record);
                })
                .toArray(CompletableFuture[]::new);
        return Mono.fromFuture(CompletableFuture.allOf(sends))
                .timeout(properties.sendTimeout())
                .then();
    }

    /** The events whose ids were not written before (all of them if Redis cannot answer). */
    private Mono<List<EventEnvelope<EventData>>> unseen(List<EventEnvelope<EventData>> events) {
        List<String> keys = events.stream().map(e -> DEDUPE_PREFIX + e.id()).toList();
        return redis.opsForValue()
                .multiGet(keys)
                .map(values -> {
                    java.util.ArrayList<EventEnvelope<EventData>> fresh = new java.util.ArrayList<>();
                    java.util.Set<java.util.UUID> inBatch = new java.util.HashSet<>();
                    for (int i = 0; i < events.size(); i++) {
                        if (values.get(i) == null && inBatch.add(events.get(i).id())) {
                            fresh.add(events.get(i));
                        }
                    }
                    return (List<EventEnvelope<EventData>>) fresh;
                })
                .onErrorResume(e -> {
                    log.warn("Redis unavailable for de-duplication ({}); relying on consumers", e.toString());
                    return Mono.just(events);
                });
    }

    private Mono<Void> remember(List<EventEnvelope<EventData>> events) {
        Duration ttl = properties.dedupeTtl();
        return Flux.fromIterable(events)
                .flatMap(e -> redis.opsForValue().set(DEDUPE_PREFIX + e.id(), "1", ttl), 64)
                .then()
                .onErrorResume(e -> {
                    log.warn("Could not remember collected event ids ({})", e.toString());
                    return Mono.empty();
                });
    }
}
