package com.freshloop.streams.kafka;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.EitherTypeInfo;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Decodes records of an event topic with the platform codec. A record that is not a well-formed event
 * must not fail the job (it would fail again on every restart, forever): it comes out as a
 * {@link DeadLetter} on the left, and {@link DeadLetterRouter} sends it to the dead-letter topic.
 * A deserializer cannot write to a side output itself, hence the {@link Either}.
 */
public final class BehaviourDeserializationSchema
        implements KafkaRecordDeserializationSchema<Either<DeadLetter, EventEnvelope<EventData>>> {

    private static final long serialVersionUID = 1L;
    private static final int MAX_REASON_LENGTH = 1_000;

    private transient Counter undecodable;

    /** The type of what this schema produces, also needed by the operators reading it. */
    public static TypeInformation<Either<DeadLetter, EventEnvelope<EventData>>> producedType() {
        return new EitherTypeInfo<>(TypeInformation.of(DeadLetter.class), EventEnvelopeTypeInfo.any());
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        undecodable = context.getMetricGroup().counter("undecodableRecords");
    }

    @Override
    public void deserialize(
            ConsumerRecord<byte[], byte[]> record, Collector<Either<DeadLetter, EventEnvelope<EventData>>> out) {
        if (record.value() == null) {
            out.collect(deadLetter(record, "tombstone: an event topic carries no deletes"));
            return;
        }
        try {
            out.collect(Either.Right(EventCodec.json().decode(record.value())));
        } catch (RuntimeException e) {
            // Not only EventDecodingException: whatever a payload record's constructor throws is data's fault too.
            out.collect(deadLetter(record, e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    private Either<DeadLetter, EventEnvelope<EventData>> deadLetter(
            ConsumerRecord<byte[], byte[]> record, String reason) {
        if (undecodable != null) {
            undecodable.inc();
        }
        String shortReason = reason.length() > MAX_REASON_LENGTH ? reason.substring(0, MAX_REASON_LENGTH) : reason;
        return Either.Left(new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                record.timestamp(),
                record.key(),
                record.value(),
                shortReason));
    }

    @Override
    public TypeInformation<Either<DeadLetter, EventEnvelope<EventData>>> getProducedType() {
        return producedType();
    }
}
