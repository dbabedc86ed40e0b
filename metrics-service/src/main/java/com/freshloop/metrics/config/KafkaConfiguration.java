package com.freshloop.metrics.config;

import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;

@Configuration(proxyBeanMethods = false)
public class KafkaConfiguration {

    /** Listener containers that hand a whole poll to the listener, for one ClickHouse insert per poll. */
    public static final String BATCH_LISTENER_FACTORY = "batchListenerContainerFactory";

    /**
     * Boot's settings ({@code spring.kafka.listener.*}) plus batch delivery. The offsets of a poll are
     * committed after the listener returns, i.e. after the insert succeeded: at least once. The
     * platform's error handler sends the record a listener names in a {@code
     * BatchListenerFailedException} to the dead-letter topic and redelivers the rest.
     */
    @Bean(BATCH_LISTENER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> batchListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer,
            ConsumerFactory<Object, Object> consumerFactory,
            CommonErrorHandler platformErrorHandler) {
        ConcurrentKafkaListenerContainerFactory<Object, Object> factory =
                new ConcurrentKafkaListenerContainerFactory<>();
        configurer.configure(factory, consumerFactory);
        factory.setBatchListener(true);
        factory.setCommonErrorHandler(platformErrorHandler);
        return factory;
    }
}
