package com.freshloop.streams.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.streams.testing.BehaviourEvents;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.types.Either;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class DeadLettersTests {

    private static final String TOPIC = "freshloop.behaviour.v1";

    private final BehaviourDeserializationSchema schema = new BehaviourDeserializationSchema();

    @Test
    void decodesAnEventWithThePlatformCodec() throws Exception {
        EventEnvelope<EventData> event = BehaviourEvents.pageView("u-1", "2026-03-01T12:05:00Z");

        List<Either<DeadLetter, EventEnvelope<EventData>>> out =
                deserialize(EventCodec.json().encode(event));

        assertThat(out).hasSize(1);
        assertThat(out.get(0).right()).isEqualTo(event);
    }

    @Test
    void passesUnknownEventTypesOnForTheJobsToSkip() throws Exception {
        String json = "{\"id\":\"6f1c0e3a-1d7c-4a8e-9c61-0f3b2f0c9a11\",\"type\":\"app.shaken\",\"source\":\"app\","
                + "\"time\":\"2026-03-01T12:05:00Z\",\"subject\":\"u-1\",\"data\":{}}";

        List<Either<DeadLetter, EventEnvelope<EventData>>> out = deserialize(json.getBytes(StandardCharsets.UTF_8));

        assertThat(out.get(0).right().data()).isInstanceOf(Unrecognised.class);
    }

    @Test
    void turnsGarbageIntoADeadLetterKeptByteForByte() throws Exception {
        byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

        List<Either<DeadLetter, EventEnvelope<EventData>>> out = deserialize(garbage);

        DeadLetter letter = out.get(0).left();
        assertThat(letter.topic()).isEqualTo(TOPIC);
        assertThat(letter.partition()).isEqualTo(1);
        assertThat(letter.offset()).isEqualTo(42);
        assertThat(letter.key()).isEqualTo("u-1".getBytes(StandardCharsets.UTF_8));
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(letter.reason()).startsWith("EventDecodingException: not JSON");
    }

    @Test
    void turnsAWellFormedButInvalidEnvelopeIntoADeadLetter() throws Exception {
        byte[] noId = "{\"type\":\"page.viewed\",\"source\":\"app\",\"time\":\"2026-03-01T12:05:00Z\",\"data\":{}}"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(deserialize(noId).get(0).isLeft()).isTrue();
        assertThat(deserialize(null).get(0).left().reason()).startsWith("tombstone");
    }

    @Test
    void writesADeadLetterToTheDeadLetterTopicWithItsOrigin() {
        DeadLetter letter = new DeadLetter(TOPIC, 1, 42, 1_000L, new byte[] {1}, new byte[] {2}, "bad");

        ProducerRecord<byte[], byte[]> record = new DeadLetterSerializationSchema().serialize(letter, null, null);

        assertThat(record.topic()).isEqualTo("freshloop.behaviour.v1.dlt");
        assertThat(record.key()).containsExactly(1);
        assertThat(record.value()).containsExactly(2);
        assertThat(record.timestamp()).isEqualTo(1_000L);
        assertThat(header(record, DeadLetterSerializationSchema.REASON_HEADER)).isEqualTo("bad");
        assertThat(header(record, DeadLetterSerializationSchema.OFFSET_HEADER)).isEqualTo("42");
        assertThat(header(record, DeadLetterSerializationSchema.PARTITION_HEADER))
                .isEqualTo("1");
        assertThat(header(record, DeadLetterSerializationSchema.TOPIC_HEADER)).isEqualTo(TOPIC);
    }

    @Test
    void routesEventsOnAndDeadLettersAside() throws Exception {
        EventEnvelope<EventData> event = BehaviourEvents.pageView("u-1", "2026-03-01T12:05:00Z");
        DeadLetter letter = new DeadLetter(TOPIC, 0, 7, 1L, null, new byte[] {1}, "bad");
        try (var harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new DeadLetterRouter()))) {
            harness.open();

            harness.processElement(Either.Right(event), 1L);
            harness.processElement(Either.Left(letter), 2L);

            assertThat(harness.extractOutputValues()).containsExactly(event);
            assertThat(harness.getSideOutput(DeadLetterRouter.DEAD_LETTERS))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(letter);
        }
    }

    private List<Either<DeadLetter, EventEnvelope<EventData>>> deserialize(byte[] value) throws Exception {
        List<Either<DeadLetter, EventEnvelope<EventData>>> out = new ArrayList<>();
        byte[] key = "u-1".getBytes(StandardCharsets.UTF_8);
        schema.deserialize(new ConsumerRecord<>(TOPIC, 1, 42L, key, value), new ListCollector<>(out));
        return out;
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
