package com.freshloop.streams.activehours;

import static com.freshloop.streams.testing.BehaviourEvents.pageView;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.LatestCheckpoint;
import com.freshloop.streams.StreamJobs;
import com.freshloop.streams.StreamJobsSettings;
import com.freshloop.streams.kafka.DeadLetterSerializationSchema;
import com.freshloop.streams.testing.CollectingSink;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The active-hours job on a MiniCluster: on its own test source and sink, and wired by
 * {@link StreamJobs} exactly as in production against a real (in-JVM, KRaft) Kafka broker.
 */
class ActiveHoursJobIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(4)
            .build());

    private static EmbeddedKafkaKraftBroker kafka;

    @TempDir
    Path checkpoints;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 2);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    void buildsTagsFromItsOwnSourceIntoItsOwnSink() throws Exception {
        List<String> events = Stream.of(
                        pageView("u-1", "2026-03-01T12:05:00Z"),
                        pageView("u-1", "2026-03-02T01:00:00Z"),
                        pageView("u-2", "2026-03-01T00:30:00Z"),
                        pageView("u-2", "2026-03-01T13:00:00Z"),
                        pageView("u-2", "2026-03-01T13:30:00Z"))
                .map(EventCodec.json()::encodeToString)
                .toList();
        var source = new DataGeneratorSource<>(
                index -> EventCodec.json().decode(events.get(index.intValue())),
                events.size(),
                EventEnvelopeTypeInfo.any());
        CollectingSink<EventEnvelope<TagAssigned>> sink = new CollectingSink<>("active-hours-" + UUID.randomUUID());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        // One source reader keeps each user's events in order, as one Kafka partition does.
        env.setParallelism(1);

        new ActiveHoursJob(source, sink, ActiveHoursSettings.defaults(ZoneId.of("Asia/Shanghai"))).build(env);
        env.execute("active-hours-test");

        assertThat(sink.values())
                .extracting(tag -> tag.subject() + "=" + tag.data().tag())
                .containsExactly("u-1=active_hour:20", "u-2=active_hour:08", "u-2=active_hour:21");
    }

    @Test
    void turnsBehaviourOnKafkaIntoTagsAndParksGarbageOnTheDeadLetterTopic() throws Exception {
        StreamJobsSettings settings = settingsFor("kafka");
        createTopics(settings);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, settings, pageView("u-1", "2026-03-01T12:05:00Z")); // 20:05 Shanghai: first, tagged
            send(producer, settings, pageView("u-1", "2026-03-01T01:10:00Z")); // 09:10, 11 h out of order: ties
            send(producer, settings, pageView("u-1", "2026-03-02T12:20:00Z")); // 20:20: the leader holds
            send(producer, settings, pageView("u-2", "2026-03-01T00:30:00Z")); // 08:30: first, tagged
            send(producer, settings, pageView("u-2", "2026-03-01T13:00:00Z")); // 21:00: ties
            send(producer, settings, pageView("u-2", "2026-03-01T13:30:00Z")); // 21:30: overtakes, tagged
            send(
                    producer,
                    settings,
                    new EventEnvelope<EventData>(
                            UUID.randomUUID(), "app.shaken", "app", Instant.now(), "u-1", 1, new Unrecognised("{}")));
            producer.send(new ProducerRecord<>(settings.inputTopic(), utf8("u-1"), utf8("{this is not an event")))
                    .get();
        }

        JobClient job = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
        try {
            List<EventEnvelope<EventData>> tags = readUntil(settings.tagsTopic(), 3);
            List<ConsumerRecord<byte[], byte[]>> deadLetters = records(settings.deadLetterTopic(), 1);

            assertThat(tags)
                    .extracting(tag -> tag.subject() + "="
                            + tag.as(TagAssigned.class).data().tag())
                    .containsExactlyInAnyOrder("u-1=active_hour:20", "u-2=active_hour:08", "u-2=active_hour:21");
            assertThat(tags).allSatisfy(tag -> {
                assertThat(tag.source()).isEqualTo("stream-jobs");
                assertThat(tag.data()).isInstanceOf(TagAssigned.class);
            });
            assertThat(deadLetters).hasSize(1);
            ConsumerRecord<byte[], byte[]> letter = deadLetters.get(0);
            assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not an event");
            assertThat(new String(letter.key(), StandardCharsets.UTF_8)).isEqualTo("u-1");
            assertThat(new String(
                            letter.headers()
                                    .lastHeader(DeadLetterSerializationSchema.REASON_HEADER)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .contains("not JSON");
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void resumesFromTheLatestCheckpointWithoutRepeatingOrForgetting() throws Exception {
        StreamJobsSettings settings = settingsFor("restart");
        createTopics(settings);
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, settings, pageView("u-3", "2026-03-01T12:05:00Z")); // 20:05: first, tagged
        }
        JobClient first = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
        try {
            assertThat(readUntil(settings.tagsTopic(), 1)).hasSize(1);
            Instant tagged = Instant.now();
            awaitCheckpointAfter(settings, tagged);
        } finally {
            first.cancel().get(30, TimeUnit.SECONDS);
        }

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            send(producer, settings, pageView("u-3", "2026-03-02T01:00:00Z")); // 09:00: ties with 20:00
            send(producer, settings, pageView("u-3", "2026-03-03T01:00:00Z")); // 09:00: overtakes
        }
        JobClient second = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
        try {
            List<EventEnvelope<EventData>> tags = readUntil(settings.tagsTopic(), 2);

            // Restarted without its state, the job would re-tag 20:00 (offsets) or tag 09:00 at once with
            // a share of 1.0 (histogram); resumed, it carries on: 09:00 leads two to one.
            assertThat(tags)
                    .extracting(tag -> {
                        TagAssigned data = tag.as(TagAssigned.class).data();
                        return data.tag() + "@" + data.score();
                    })
                    .containsExactly("active_hour:20@1.0", "active_hour:09@0.6667");
        } finally {
            second.cancel().get(30, TimeUnit.SECONDS);
        }
    }

    private StreamJobsSettings settingsFor(String name) {
        return StreamJobsSettings.fromArgs(
                "--bootstrap.servers",
                kafka.getBrokersAsString(),
                "--input-topic",
                name + ".behaviour",
                "--context-topic",
                name + ".context",
                "--tags-topic",
                name + ".tags",
                "--group-id",
                name + "-stream-jobs",
                "--checkpoint-dir",
                checkpoints.toUri().toString(),
                "--checkpoint-interval",
                "1s",
                "--parallelism",
                "2");
    }

    private static void createTopics(StreamJobsSettings settings) {
        kafka.addTopics(
                new NewTopic(settings.inputTopic(), 2, (short) 1),
                new NewTopic(settings.contextTopic(), 1, (short) 1),
                new NewTopic(settings.tagsTopic(), 2, (short) 1),
                new NewTopic(settings.deadLetterTopic(), 1, (short) 1));
    }

    /** Waits until a checkpoint completed after {@code after}, so that it covers what was processed before. */
    private static void awaitCheckpointAfter(StreamJobsSettings settings, Instant after) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> latest = LatestCheckpoint.under(settings.checkpointDir());
            if (latest.isPresent()
                    && java.nio.file.Files.getLastModifiedTime(
                                    Path.of(java.net.URI.create(latest.get() + "/_metadata")))
                            .toInstant()
                            .isAfter(after)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no checkpoint completed within " + WAIT);
    }

    private static KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static void send(
            KafkaProducer<byte[], byte[]> producer, StreamJobsSettings settings, EventEnvelope<?> event)
            throws Exception {
        producer.send(new ProducerRecord<>(
                        settings.inputTopic(),
                        utf8(event.subject()),
                        EventCodec.json().encode(event)))
                .get();
    }

    /**
     * The active-hours tags on a topic once there are {@code count}, after a pause that would reveal any
     * extra ones. The other jobs write to the same topic; their tags are left out.
     */
    private static List<EventEnvelope<EventData>> readUntil(String topic, int count) {
        return records(topic, count, ActiveHoursJobIT::isActiveHours).stream()
                .map(record -> EventCodec.json().decode(record.value()))
                .filter(ActiveHoursJobIT::isActiveHours)
                .toList();
    }

    private static boolean isActiveHours(ConsumerRecord<byte[], byte[]> record) {
        return isActiveHours(EventCodec.json().decode(record.value()));
    }

    private static boolean isActiveHours(EventEnvelope<EventData> event) {
        return event.data() instanceof TagAssigned tag && tag.job().equals("active-hours");
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(String topic, int count) {
        return records(topic, count, record -> true);
    }

    private static List<ConsumerRecord<byte[], byte[]>> records(
            String topic, int count, Predicate<ConsumerRecord<byte[], byte[]>> counted) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            pollUntil(consumer, records, all -> all.stream().filter(counted).count() >= count, WAIT);
            pollUntil(consumer, records, all -> false, Duration.ofSeconds(3));
            return records;
        }
    }

    private static void pollUntil(
            KafkaConsumer<byte[], byte[]> consumer,
            List<ConsumerRecord<byte[], byte[]>> records,
            Predicate<List<ConsumerRecord<byte[], byte[]>>> done,
            Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!done.test(records) && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
