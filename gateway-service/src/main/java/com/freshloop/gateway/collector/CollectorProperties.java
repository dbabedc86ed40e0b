package com.freshloop.gateway.collector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBatchSize most events one request may carry
 * @param sendTimeout how long to wait for Kafka to acknowledge a batch before answering 503
 */
@ConfigurationProperties("freshloop.collector")
public record CollectorProperties(int maxBatchSize, Duration sendTimeout) {

    public CollectorProperties {
        if (maxBatchSize <= 0) {
            maxBatchSize = 500;
        }
        if (sendTimeout == null) {
            sendTimeout = Duration.ofSeconds(8);
        }
    }
}
