package com.freshloop.streams.kafka;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The Kafka sources and sinks of the stream jobs, configured alike. */
public final class KafkaConnectors {

    private KafkaConnectors() {}

    /**
     * Reads an event topic from the offsets in the checkpoint (or, on a first start, the group's committed
     * offsets, else the beginning), decoding each record; see {@link BehaviourDeserializationSchema}.
     */
    public static KafkaSource<Either<DeadLetter, EventEnvelope<EventData>>> eventSource(
            String bootstrapServers, String topic, String groupId) {
        return eventSource(bootstrapServers, topic, groupId, groupId);
    }

    /** As {@link #eventSource(String, String, String)}, for a second source of the job: its own client ids. */
    public static KafkaSource<Either<DeadLetter, EventEnvelope<EventData>>> eventSource(
            String bootstrapServers, String topic, String groupId, String clientIdPrefix) {
        return KafkaSource.<Either<DeadLetter, EventEnvelope<EventData>>>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setClientIdPrefix(clientIdPrefix)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new BehaviourDeserializationSchema())
                // Picks up partitions added later, and the topic itself if it is created after the job starts.
                .setProperty("partition.discovery.interval.ms", "10000")
                .build();
    }

    /**
     * Writes events keyed by subject.
     *
     * <p>AT_LEAST_ONCE, not EXACTLY_ONCE, on purpose: with Kafka transactions a tag becomes visible to
     * read_committed consumers only when the checkpoint that covers it completes, i.e. seconds later,
     * while tags should reach the profile in under a second. After a failure the job replays from its
     * last checkpoint and may write some events again; every emitted event id is derived from its
     * inputs (see the jobs), so the replayed copies carry the same ids and the consumers, which dedupe by
     * event id, drop them. The producer is idempotent and acks=all, so retries add no copies.
     */
    public static <T extends EventData> KafkaSink<EventEnvelope<T>> eventSink(String bootstrapServers, String topic) {
        return KafkaSink.<EventEnvelope<T>>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new EnvelopeSerializationSchema<T>(topic))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("enable.idempotence", "true")
                .setProperty("acks", "all")
                .setProperty("linger.ms", "5")
                .build();
    }

    /** Parks undecodable records on the dead-letter topic of the topic they came from (at least once). */
    public static KafkaSink<DeadLetter> deadLetterSink(String bootstrapServers) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(bootstrapServers)
                .setRecordSerializer(new DeadLetterSerializationSchema())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setProperty("enable.idempotence", "true")
                .setProperty("acks", "all")
                .build();
    }
}
