package com.freshloop.streams.kafka;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes events in the platform's JSON, keyed by subject (the user id for tags), so that one user's
 * events stay in order on one partition.
 *
 * @param <T> the payload type
 */
public final class EnvelopeSerializationSchema<T extends EventData>
        implements KafkaRecordSerializationSchema<EventEnvelope<T>> {

    private static final long serialVersionUID = 1L;

    private final String topic;

    public EnvelopeSerializationSchema(String topic) {
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(EventEnvelope<T> event, KafkaSinkContext context, Long timestamp) {
        byte[] key = event.subject() == null ? null : event.subject().getBytes(StandardCharsets.UTF_8);
        // No record timestamp: the broker's clock decides retention. The event time (which may lie far in
        // the past when history is replayed) is in the payload, where consumers read it.
        return new ProducerRecord<>(topic, null, null, key, EventCodec.json().encode(event));
    }
}
