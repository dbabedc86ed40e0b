package com.freshloop.streams.kafka;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record from an input topic that is not a well-formed event, kept byte for byte so that it can be
 * inspected and replayed from the dead-letter topic.
 *
 * @param topic where it was read
 * @param partition its partition
 * @param offset its offset
 * @param timestamp its Kafka timestamp (epoch millis)
 * @param key the record key, or {@code null}
 * @param value the record value, or {@code null} for a tombstone
 * @param reason why it could not be decoded
 */
public record DeadLetter(
        String topic, int partition, long offset, long timestamp, byte[] key, byte[] value, String reason) {

    @Override
    public boolean equals(Object other) {
        return other instanceof DeadLetter that
                && Objects.equals(topic, that.topic)
                && partition == that.partition
                && offset == that.offset
                && timestamp == that.timestamp
                && Arrays.equals(key, that.key)
                && Arrays.equals(value, that.value)
                && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + topic + "-" + partition + "@" + offset + ", " + (value == null ? 0 : value.length)
                + " bytes, reason=" + reason + "]";
    }
}
