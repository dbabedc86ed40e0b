package com.freshloop.streams.kafka;

import com.freshloop.events.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes a {@link DeadLetter} to the dead-letter topic of the topic it came from, with its original key,
 * value and timestamp, and headers saying where it was and why it was parked.
 */
public final class DeadLetterSerializationSchema implements KafkaRecordSerializationSchema<DeadLetter> {

    public static final String REASON_HEADER = "freshloop.dlt.reason";
    public static final String TOPIC_HEADER = "freshloop.dlt.topic";
    public static final String PARTITION_HEADER = "freshloop.dlt.partition";
    public static final String OFFSET_HEADER = "freshloop.dlt.offset";

    private static final long serialVersionUID = 1L;

    @Override
    public ProducerRecord<byte[], byte[]> serialize(DeadLetter letter, KafkaSinkContext context, Long timestamp) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON_HEADER, utf8(letter.reason()));
        headers.add(TOPIC_HEADER, utf8(letter.topic()));
        headers.add(PARTITION_HEADER, utf8(Integer.toString(letter.partition())));
        headers.add(OFFSET_HEADER, utf8(Long.toString(letter.offset())));
        Long originalTimestamp = letter.timestamp() >= 0 ? letter.timestamp() : null;
        return new ProducerRecord<>(
                Topics.deadLetter(letter.topic()), null, originalTimestamp, letter.key(), letter.value(), headers);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
