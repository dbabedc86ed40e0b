package com.freshloop.testing;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.starter.kafka.EnvelopeDeserializer;
import com.freshloop.starter.kafka.EnvelopeSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: publish envelopes or raw bytes, and wait for matching records. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, Object> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new EnvelopeSerializer());
    }

    public void publish(EventEnvelope<?> event) {
        send(event.topic(), event.subject(), event);
    }

    public void publishRaw(String topic, String key, String value) {
        send(topic, key, value.getBytes(StandardCharsets.UTF_8));
    }

    private void send(String topic, String key, Object value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Waits until {@code count} envelopes on the topic match, reading from the beginning. */
    public List<EventEnvelope<EventData>> await(
            String topic, Predicate<EventEnvelope<EventData>> match, int count, Duration timeout) {
        List<EventEnvelope<EventData>> found = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope<EventData>> consumer =
                new KafkaConsumer<>(consumerProps(), new StringDeserializer(), new EnvelopeDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (found.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, EventEnvelope<EventData>> record : consumer.poll(Duration.ofMillis(250))) {
                    if (record.value() != null && match.test(record.value())) {
                        found.add(record.value());
                    }
                }
            }
        }
        if (found.size() < count) {
            throw new AssertionError("expected " + count + " matching events on " + topic + " within " + timeout
                    + " but found " + found.size());
        }
        return found;
    }

    /** Waits for raw records on a topic (e.g. a dead-letter topic) whose value contains {@code text}. */
    public List<String> awaitRaw(String topic, String text, Duration timeout) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(consumerProps(), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(timeout);
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(250))) {
                    String value = record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
                    if (value.contains(text)) {
                        found.add(value);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            throw new AssertionError("no record containing '" + text + "' on " + topic + " within " + timeout);
        }
        return found;
    }

    private Properties consumerProps() {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"));
        return props;
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
