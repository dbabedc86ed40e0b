package com.freshloop.metrics.eventstore.messaging;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.metrics.config.KafkaConfiguration;
import com.freshloop.metrics.eventstore.EventStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Every event on every platform topic lands in the event store, one insert per poll. Offsets are
 * committed only after the insert returns, so a crash redelivers (the store counts distinct ids).
 *
 * <p>A batch listener sees records the platform's deserializer could not read as {@code null}
 * values; the events before the first such record are stored, and that record is named in a
 * {@link BatchListenerFailedException}: the error handler sends it to the dead-letter topic and
 * redelivers the rest of the batch.
 */
@Component
class PlatformEventsListener {

    static final String ID = "metrics-event-store";

    private static final Logger log = LoggerFactory.getLogger(PlatformEventsListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(PlatformEventsListener.class);

    private final EventStore store;
    private final Counter stored;

    PlatformEventsListener(EventStore store, MeterRegistry meters) {
        this.store = store;
        this.stored = Counter.builder("freshloop.events.stored")
                .description("Events written to the event store (redeliveries included)")
                .register(meters);
    }

    @KafkaListener(
            id = ID,
            topics = "#{T(com.freshloop.events.Topics).ALL}",
            groupId = "${spring.application.name}",
            containerFactory = KafkaConfiguration.BATCH_LISTENER_FACTORY)
    void on(List<ConsumerRecord<String, EventEnvelope<EventData>>> records) {
        List<EventEnvelope<EventData>> events = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, EventEnvelope<EventData>> record = records.get(i);
            EventEnvelope<EventData> event = record.value();
            RuntimeException unusable = unusable(record);
            if (unusable != null) {
                storeAll(events);
                throw new BatchListenerFailedException(unusable.getMessage(), unusable, i);
            }
            if (event != null) {
                events.add(event);
            } else {
                log.debug(
                        "Skipping a record without value on {}-{}@{}",
                        record.topic(),
                        record.partition(),
                        record.offset());
            }
        }
        storeAll(events);
    }

    private void storeAll(List<EventEnvelope<EventData>> events) {
        store.store(events);
        stored.increment(events.size());
    }

    /** Why the record cannot be stored, or {@code null} if it can (or is an empty record to skip). */
    private static @Nullable RuntimeException unusable(ConsumerRecord<String, EventEnvelope<EventData>> record) {
        if (record.value() == null) {
            return SerializationUtils.getExceptionFromHeader(
                    record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
        }
        if (!EventStore.canStore(record.value())) {
            // not retryable for the platform's error handler: straight to the dead-letter topic
            return new IllegalArgumentException("event " + record.value().id() + " has a time ClickHouse cannot hold: "
                    + record.value().time());
        }
        return null;
    }
}
