package com.freshloop.streams;

import static com.freshloop.streams.testing.BehaviourEvents.cartAdd;
import static com.freshloop.streams.testing.BehaviourEvents.holiday;
import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.BehaviourEvents.pageView;
import static com.freshloop.streams.testing.BehaviourEvents.tick;
import static com.freshloop.streams.testing.BehaviourEvents.view;
import static com.freshloop.streams.testing.BehaviourEvents.weather;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.streams.testing.Emitted;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Every job together, wired by {@link StreamJobs} as in production, on a MiniCluster against a real
 * (in-JVM, KRaft) Kafka broker: one story of shoppers, with out-of-order and late events, told in three
 * phases. Told once without interruption (heap state), it shows what each job emits. Told again with
 * RocksDB state, with a checkpoint after the second phase and the job killed once the third has been
 * processed (its output written, not yet covered by a checkpoint), then restarted from that checkpoint:
 * the signals are exactly those of the uninterrupted run, by id and content, although the restart wrote
 * some of them twice (same ids, which consumers drop).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamJobsIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Duration QUIET = Duration.ofSeconds(3);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private EmbeddedKafkaKraftBroker kafka;
    private List<EventEnvelope<EventData>> uninterrupted;

    @TempDir
    Path checkpoints;

    @BeforeAll
    void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 2);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    void stopKafka() {
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @Order(1)
    void turnsBehaviourAndContextIntoTheSignalsOfEveryJob() throws Exception {
        Map<String, List<String>> byUser = uninterrupted().stream()
                .collect(Collectors.groupingBy(
                        EventEnvelope::subject,
                        LinkedHashMap::new,
                        Collectors.mapping(Emitted::describe, Collectors.toList())));

        // Cart abandonment: no order 30 minutes after the newest item; an order prevents or revokes it.
        assertThat(byUser.get("c1")).contains("c1 cart.abandoned[eggs-12, bread]", "c1 +cart_abandoned=2.0");
        assertThat(byUser.get("c2")).noneMatch(signal -> signal.contains("cart"));
        assertThat(byUser.get("c3")).noneMatch(signal -> signal.contains("cart")); // item added before its order
        assertThat(byUser.get("c4"))
                .filteredOn(signal -> signal.contains("cart"))
                .containsExactly("c4 cart.abandoned[strawberry]", "c4 +cart_abandoned=1.0", "c4 -cart_abandoned");
        assertThat(byUser.get("c5")).contains("c5 cart.abandoned[bread]");
        // Category affinity, once a shopper's window holds enough weight (reached by a view that came out of
        // order), sliding out after 7 days (the last tick is 10 days on); late views do not count.
        assertThat(byUser.get("a1"))
                .contains(
                        "a1 +interest:organic=0.625",
                        "a1 +interest:imported_fruit=0.375",
                        "a1 -interest:organic",
                        "a1 -interest:imported_fruit")
                .noneMatch(signal -> signal.contains("snacks"));
        assertThat(byUser.get("a2")).containsSubsequence("a2 +interest:dairy=1.0", "a2 -interest:dairy");
        // Purchase cycle: bought weekly (the third order out of order), due at 80% of the week.
        assertThat(byUser.get("r1")).contains("r1 repurchase.due milk-1l/7.0", "r1 +due_soon:milk-1l=1.0");
        // RFM inputs.
        assertThat(byUser.get("r1"))
                .containsSubsequence("r1 +orders_30d=1.0", "r1 +orders_30d=2.0", "r1 +orders_30d=3.0");
        assertThat(byUser.get("w1")).contains("w1 +orders_30d=1.0", "w1 +spend_30d=25.0");
        // Sessions: three without an order (a late view extends the first, not a fourth), then one with.
        assertThat(byUser.get("s1"))
                .filteredOn(signal -> signal.contains("browser_no_buy"))
                .containsExactly("s1 +browser_no_buy=3.0", "s1 -browser_no_buy");
        // Scenarios from the context topic and the region of each shopper's orders.
        assertThat(byUser.get("w1")).contains("w1 +scenario:hot_weather=33.0");
        assertThat(byUser.get("w2"))
                .contains("w2 +scenario:rainy=1.0", "w2 +scenario:holiday=1.0")
                .noneMatch(signal -> signal.contains("hot_weather"));
        assertThat(byUser.get("r1")).noneMatch(signal -> signal.contains("scenario"));
        // Active hours is still there (10:00 in Shanghai). A shopper whose only event came late is dropped
        // by every job that reasons in event time; the scenario join still learns where they live.
        assertThat(byUser.get("c1")).contains("c1 +active_hour:10=1.0");
        assertThat(byUser.get("l1")).containsExactlyInAnyOrder("l1 +scenario:rainy=1.0", "l1 +scenario:holiday=1.0");
        // Nothing twice in a run without failures.
        assertThat(uninterrupted()).extracting(EventEnvelope::id).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void aJobKilledMidStreamAndRestartedFromItsCheckpointLosesNoSignalAndCountsNothingTwice(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<EventEnvelope<EventData>> expected = uninterrupted();
        StreamJobsSettings settings = settingsFor("restarted", "rocksdb");
        createTopics(settings);

        JobClient first = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
        int beforeKill;
        try {
            tellFirstTwoPhases(settings);
            cluster.triggerCheckpoint(first.getJobID()).get(60, TimeUnit.SECONDS);
            send(settings, Story.PHASE_3);
            // The third phase is processed and its signals written, but no checkpoint covers them.
            beforeKill =
                    readUntil(settings.tagsTopic(), Story::told, Duration.ZERO).size();
        } finally {
            first.cancel().get(30, TimeUnit.SECONDS);
        }
        assertThat(StreamJobs.restorePath(settings)).isPresent();

        JobClient second = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
        List<EventEnvelope<EventData>> signals;
        try {
            List<UUID> expectedIds = expected.stream().map(EventEnvelope::id).toList();
            signals = readUntil(
                    settings.tagsTopic(),
                    all -> all.size() > beforeKill
                            && all.stream()
                                    .map(EventEnvelope::id)
                                    .collect(Collectors.toSet())
                                    .containsAll(expectedIds),
                    QUIET);
        } finally {
            second.cancel().get(30, TimeUnit.SECONDS);
        }

        Map<UUID, EventEnvelope<EventData>> distinct = new LinkedHashMap<>();
        signals.forEach(signal -> distinct.putIfAbsent(signal.id(), signal));
        // The replay wrote again what the killed run had written after the checkpoint, under the same ids ...
        assertThat(signals.size()).isGreaterThan(distinct.size());
        assertThat(signals).allSatisfy(signal -> assertThat(signal).isEqualTo(distinct.get(signal.id())));
        // ... and, deduplicated by id, the signals are exactly those of the run that was never interrupted.
        assertThat(distinct.values()).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The story told without interruption, on heap state: every signal once. */
    private synchronized List<EventEnvelope<EventData>> uninterrupted() throws Exception {
        if (uninterrupted == null) {
            StreamJobsSettings settings = settingsFor("uninterrupted", "hashmap");
            createTopics(settings);
            JobClient job = StreamJobs.prepare(settings).executeAsync(StreamJobs.JOB_NAME);
            try {
                tellFirstTwoPhases(settings);
                send(settings, Story.PHASE_3);
                uninterrupted = readUntil(settings.tagsTopic(), Story::told, QUIET);
            } finally {
                job.cancel().get(30, TimeUnit.SECONDS);
            }
        }
        return uninterrupted;
    }

    /**
     * Context and the first phase; once the watermark has passed c4's deadline (its cart is abandoned),
     * the second phase, whose early events are then late.
     */
    private void tellFirstTwoPhases(StreamJobsSettings settings) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (EventEnvelope<EventData> fact : Story.CONTEXT) {
                producer.send(new ProducerRecord<>(settings.contextTopic(), 0, utf8(fact.subject()), encode(fact)))
                        .get();
            }
        }
        send(settings, Story.PHASE_1);
        readUntil(settings.tagsTopic(), signals -> has(signals, "c4 +cart_abandoned=1.0"), Duration.ZERO);
        send(settings, Story.PHASE_2);
        readUntil(settings.tagsTopic(), signals -> has(signals, "c4 -cart_abandoned"), Duration.ZERO);
    }

    /**
     * One story of shoppers on 10 March 2026 (Shanghai is UTC+8). Each shopper's events go to one
     * partition, in order unless said otherwise.
     */
    private static final class Story {

        /** Weather and a holiday, before any behaviour. */
        static final List<EventEnvelope<EventData>> CONTEXT = List.of(
                weather("sh-pudong", "2026-03-10", 33, "sunny", "2026-03-09T23:00:00Z"),
                weather("bj-chaoyang", "2026-03-10", 12, "light rain", "2026-03-09T23:00:00Z"),
                holiday("bj-chaoyang", "2026-03-11", "Lantern Walk", "2026-03-09T23:30:00Z"));

        static final List<Sent> PHASE_1 = List.of(
                // r1 buys milk weekly (and lives where no context is known).
                new Sent(0, order("r1", "2026-02-24T01:00:00Z", "hz-xihu", "12.50", "milk-1l:dairy")),
                new Sent(0, order("r1", "2026-03-03T01:00:00Z", "hz-xihu", "12.50", "milk-1l:dairy")),
                // s1 browses in sessions (30-minute gaps) and does not buy.
                new Sent(0, pageView("s1", "2026-03-10T01:00:00Z")),
                new Sent(0, pageView("s1", "2026-03-10T01:10:00Z")),
                // r1's third order arrives after a later event.
                new Sent(0, order("r1", "2026-03-10T01:00:00Z", "hz-xihu", "12.50", "milk-1l:dairy")),
                new Sent(1, cartAdd("c2", "2026-03-10T02:00:00Z", "milk-1l", "dairy")),
                new Sent(0, cartAdd("c1", "2026-03-10T02:00:00Z", "eggs-12", "eggs")),
                new Sent(0, view("a1", "2026-03-10T02:00:00Z", "organic")),
                new Sent(0, pageView("s1", "2026-03-10T02:00:00Z")),
                // 40 minutes out of order (late, within the allowed lateness): extends s1's first session.
                new Sent(0, pageView("s1", "2026-03-10T01:20:00Z")),
                new Sent(0, cartAdd("a1", "2026-03-10T02:02:00Z", "kale", "organic")),
                new Sent(0, view("a1", "2026-03-10T02:03:00Z", "Imported Fruit")),
                new Sent(0, view("a1", "2026-03-10T02:04:00Z", "Imported Fruit")),
                new Sent(0, view("a1", "2026-03-10T02:05:00Z", "Imported Fruit")),
                // Out of order: the view that brings a1's window to the weight needed for interests.
                new Sent(0, view("a1", "2026-03-10T02:01:00Z", "organic")),
                new Sent(0, cartAdd("c1", "2026-03-10T02:05:00Z", "bread", "bakery")),
                new Sent(0, order("w1", "2026-03-10T02:10:00Z", "sh-pudong", "25.00", "watermelon:fruit")),
                new Sent(1, order("w2", "2026-03-10T02:15:00Z", "bj-chaoyang", "18.00", "tofu:soy")),
                new Sent(1, order("c2", "2026-03-10T02:20:00Z", "sh-pudong", "12.50", "milk-1l:dairy")),
                // c3's order overtook the addition of the item it contains.
                new Sent(0, order("c3", "2026-03-10T02:25:00Z", "gz-tianhe", "8.00", "eggs-12:eggs")),
                new Sent(0, cartAdd("c3", "2026-03-10T02:00:00Z", "eggs-12", "eggs")),
                new Sent(0, cartAdd("c4", "2026-03-10T02:40:00Z", "strawberry", "fruit")),
                new Sent(0, pageView("s1", "2026-03-10T03:00:00Z")),
                new Sent(0, tick("2026-03-10T03:40:00Z")),
                new Sent(1, tick("2026-03-10T03:41:00Z")));

        /** After the watermark passed 03:10: an hour of allowed lateness makes events before 02:10 late. */
        static final List<Sent> PHASE_2 = List.of(
                new Sent(0, view("a1", "2026-03-10T01:00:00Z", "snacks")),
                new Sent(0, view("a1", "2026-03-10T01:01:00Z", "snacks")),
                new Sent(0, view("a1", "2026-03-10T01:02:00Z", "snacks")),
                new Sent(0, order("l1", "2026-03-10T00:30:00Z", "bj-chaoyang", "5.00", "tofu:soy")),
                // In the window, but it arrives after c4's cart was declared abandoned: revokes.
                new Sent(0, order("c4", "2026-03-10T03:00:00Z", "sh-pudong", "30.00", "strawberry:fruit")));

        /** More shoppers, s1 finally orders, then event time jumps ten days on. */
        static final List<Sent> PHASE_3 = List.of(
                new Sent(1, view("a2", "2026-03-10T04:00:00Z", "dairy")),
                new Sent(1, view("a2", "2026-03-10T04:01:00Z", "dairy")),
                new Sent(1, view("a2", "2026-03-10T04:02:00Z", "dairy")),
                new Sent(1, cartAdd("a2", "2026-03-10T04:03:00Z", "milk-1l", "dairy")),
                new Sent(1, cartAdd("a2", "2026-03-10T04:04:00Z", "yoghurt", "dairy")),
                new Sent(1, cartAdd("c5", "2026-03-10T04:10:00Z", "bread", "bakery")),
                new Sent(0, order("s1", "2026-03-10T05:00:00Z", "gz-tianhe", "15.00", "bread:bakery")),
                new Sent(0, tick("2026-03-20T00:00:00Z")),
                new Sent(1, tick("2026-03-20T00:01:00Z")));

        /** Whether the signals include the last ones the story causes (timers that only the final ticks fire). */
        static boolean told(List<EventEnvelope<EventData>> signals) {
            return has(signals, "r1 repurchase.due milk-1l/7.0")
                    && has(signals, "c5 cart.abandoned[bread]")
                    && has(signals, "s1 -browser_no_buy")
                    && has(signals, "a2 -interest:dairy");
        }
    }

    /** An event and the partition it is written to. */
    private record Sent(int partition, EventEnvelope<EventData> event) {}

    private static boolean has(List<EventEnvelope<EventData>> signals, String described) {
        return signals.stream().map(Emitted::describe).anyMatch(described::equals);
    }

    private StreamJobsSettings settingsFor(String name, String stateBackend) {
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
                checkpoints.resolve(name).toUri().toString(),
                // Checkpoints only when the test asks for one.
                "--checkpoint-interval",
                "1h",
                "--parallelism",
                "2",
                "--allowed-lateness",
                "1h",
                "--state-backend",
                stateBackend);
    }

    private void createTopics(StreamJobsSettings settings) {
        kafka.addTopics(
                new NewTopic(settings.inputTopic(), 2, (short) 1),
                new NewTopic(settings.contextTopic(), 1, (short) 1),
                new NewTopic(settings.tagsTopic(), 2, (short) 1),
                new NewTopic(settings.deadLetterTopic(), 1, (short) 1),
                new NewTopic(settings.contextDeadLetterTopic(), 1, (short) 1));
    }

    private void send(StreamJobsSettings settings, List<Sent> events) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Sent sent : events) {
                producer.send(new ProducerRecord<>(
                                settings.inputTopic(),
                                sent.partition(),
                                utf8(sent.event().subject()),
                                encode(sent.event())))
                        .get();
            }
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /**
     * Everything on the topic, from the beginning, once {@code done} holds, and whatever arrives during
     * a further {@code quiet} pause (which would reveal extra or repeated signals).
     */
    private List<EventEnvelope<EventData>> readUntil(
            String topic, Predicate<List<EventEnvelope<EventData>>> done, Duration quiet) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<EventEnvelope<EventData>> signals = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (!done.test(signals)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("not done within " + WAIT + "; got " + Emitted.describe(signals));
                }
                poll(consumer, signals);
            }
            long quietUntil = System.nanoTime() + quiet.toNanos();
            while (System.nanoTime() < quietUntil) {
                poll(consumer, signals);
            }
            return signals;
        }
    }

    private static void poll(KafkaConsumer<byte[], byte[]> consumer, List<EventEnvelope<EventData>> into) {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record -> into.add(EventCodec.json().decode(record.value())));
    }

    private static byte[] encode(EventEnvelope<EventData> event) {
        return EventCodec.json().encode(event);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
