package com.freshloop.testing;

import com.freshloop.events.Topics;
import java.util.stream.Stream;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker: a container when Docker exists, otherwise one in-JVM KRaft broker shared by
 * every test context of the JVM, with all platform topics and their dead-letter topics created.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityInfrastructure.class)
public class KafkaInfrastructure {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Container {
        @Bean
        @ServiceConnection
        KafkaContainer kafka() {
            return new KafkaContainer("apache/kafka:4.1.2");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.Not.class)
    static class Local {
        @Bean
        DynamicPropertyRegistrar inJvmKafka() {
            return registry -> registry.add("spring.kafka.bootstrap-servers", InJvmBroker::bootstrapServers);
        }
    }

    /** The broker of this test JVM, started on first use. */
    public static final class InJvmBroker {

        private static EmbeddedKafkaKraftBroker broker;

        private InJvmBroker() {}

        public static synchronized String bootstrapServers() {
            if (broker == null) {
                String[] topics = Topics.ALL.stream()
                        .flatMap(t -> Stream.of(t, Topics.deadLetter(t)))
                        .toArray(String[]::new);
                EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3, topics);
                started.brokerProperty("transaction.state.log.replication.factor", "1");
                started.brokerProperty("transaction.state.log.min.isr", "1");
                started.afterPropertiesSet();
                Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
                broker = started;
            }
            return broker.getBrokersAsString();
        }
    }
}
