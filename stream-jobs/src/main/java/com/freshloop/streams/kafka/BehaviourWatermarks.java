package com.freshloop.streams.kafka;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.types.Either;

/**
 * Event time for behaviour: the envelope's {@code time}, with watermarks that trail the latest event by
 * a fixed bound and ignore partitions that have gone quiet (else one idle partition would stall every
 * event-time decision).
 */
public final class BehaviourWatermarks {

    /** How far behind the newest event the watermark trails; events inside it are in time. */
    public static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    /** A partition without records for this long stops holding the watermark back. */
    public static final Duration IDLENESS = Duration.ofSeconds(30);
    /**
     * How far ahead of the Kafka record's timestamp an event's time may pull the watermark. Event times
     * come from shoppers' devices; one device with its clock set to next year would otherwise push the
     * watermark a year ahead, and every later event would count as late.
     */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);

    private BehaviourWatermarks() {}

    /** For a source of already decoded events, e.g. in tests. */
    public static WatermarkStrategy<EventEnvelope<EventData>> forEvents() {
        return WatermarkStrategy.<EventEnvelope<EventData>>forBoundedOutOfOrderness(OUT_OF_ORDERNESS)
                .withTimestampAssigner((event, recordTimestamp) -> eventTime(event, recordTimestamp))
                .withIdleness(IDLENESS);
    }

    /** For the Kafka source: records that are not events do not move event time. */
    public static WatermarkStrategy<Either<DeadLetter, EventEnvelope<EventData>>> forKafkaRecords() {
        return WatermarkStrategy.<Either<DeadLetter, EventEnvelope<EventData>>>forBoundedOutOfOrderness(
                        OUT_OF_ORDERNESS)
                .withTimestampAssigner((record, recordTimestamp) ->
                        record.isRight() ? eventTime(record.right(), recordTimestamp) : Long.MIN_VALUE)
                .withIdleness(IDLENESS);
    }

    /** The event's time, capped at the record's timestamp plus {@link #MAX_CLOCK_SKEW} when there is one. */
    static long eventTime(EventEnvelope<?> event, long recordTimestamp) {
        long eventTime = event.time().toEpochMilli();
        if (recordTimestamp <= 0) {
            return eventTime;
        }
        return Math.min(eventTime, recordTimestamp + MAX_CLOCK_SKEW.toMillis());
    }
}
