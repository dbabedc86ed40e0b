package com.freshloop.starter.kafka;

import com.freshloop.events.EventDecodingException;
import com.freshloop.events.Topics;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * A consumer never stops on a poison message: a record that cannot be read, or whose handling fails
 * a few times in a row, is published to its topic's dead-letter topic ({@code <topic>.dlt}) with
 * the failure in its headers, and the consumer moves on.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBean(KafkaOperations.class)
public class KafkaErrorHandlingAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaErrorHandlingAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    DeadLetterPublishingRecoverer deadLetterPublishingRecoverer(KafkaOperations<Object, Object> kafka) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setLogRecoveryRecord(true);
        return recoverer;
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(
            DeadLetterPublishingRecoverer recoverer,
            @Value("${freshloop.kafka.retry.attempts:2}") long attempts,
            @Value("${freshloop.kafka.retry.interval-ms:500}") long intervalMs) {
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, ex) -> {
                    log.warn(
                            "Sending {}-{}@{} to {}: {}",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            Topics.deadLetter(record.topic()),
                            ex.getMessage());
                    recoverer.accept(record, ex);
                },
                new FixedBackOff(intervalMs, attempts));
        handler.addNotRetryableExceptions(EventDecodingException.class, IllegalArgumentException.class);
        // the recoverer already logs each dead-lettered record; the container's own error log is noise
        handler.setLogLevel(KafkaException.Level.DEBUG);
        return handler;
    }
}
