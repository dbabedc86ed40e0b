package com.freshloop.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.Topics;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerIT {

    @TempDir
    Path dataDir;

    @Test
    void startsWithEveryPlatformTopicAndDeliversARecordThenStops() throws Exception {
        KafkaBroker.Settings settings = new KafkaBroker.Settings(freePort(), freePort(), dataDir);

        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            Map<String, TopicDescription> topics = describeTopics(broker.bootstrapServers());
            assertThat(topics.keySet())
                    .containsAll(Topics.ALL)
                    .contains(Topics.deadLetter(Topics.BEHAVIOUR), Topics.deadLetter(Topics.TAGS));
            assertThat(topics.values())
                    .filteredOn(topic -> PlatformTopics.names().contains(topic.name()))
                    .hasSize(Topics.ALL.size() * 2)
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(3));

            send(broker.bootstrapServers(), Topics.BEHAVIOUR, "u-1", "{\"type\":\"page.viewed\"}");

            assertThat(receive(broker.bootstrapServers(), Topics.BEHAVIOUR, 1))
                    .singleElement()
                    .satisfies(record -> {
                        assertThat(record.key()).isEqualTo("u-1");
                        assertThat(record.value()).isEqualTo("{\"type\":\"page.viewed\"}");
                    });
        }

        assertThat(isListening(settings.port())).as("listening after close").isFalse();
    }

    @Test
    void restartsOnItsFormattedStorageAndKeepsRecords() throws Exception {
        KafkaBroker.Settings settings = new KafkaBroker.Settings(freePort(), freePort(), dataDir);
        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            send(broker.bootstrapServers(), Topics.TAGS, "u-2", "kept");
        }

        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            assertThat(receive(broker.bootstrapServers(), Topics.TAGS, 1))
                    .extracting(ConsumerRecord::value)
                    .containsExactly("kept");
        }
    }

    private static Map<String, TopicDescription> describeTopics(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            return admin.describeTopics(admin.listTopics().names().get())
                    .allTopicNames()
                    .get();
        }
    }

    private static void send(String bootstrapServers, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<ConsumerRecord<String, String>> receive(String bootstrapServers, String topic, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "kafka-broker-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean isListening(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
