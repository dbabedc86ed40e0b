package com.freshloop.gateway.collector;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxBatchSize most events one request may carry
 * @param sendTimeout how long to wait for Kafka to acknowledge a batch before answering 503
 * @param maxInFlight most events waiting for Kafka at once, over all requests; beyond it 429
 * @param dedupeTtl how long event ids are remembered for de-duplication
 */
@ConfigurationProperties("freshloop.collector")
public record CollectorProperties(int maxBatchSize, Duration sendTimeout, int maxInFlight, Duration dedupeTtl) {

    public CollectorProperties {
        maxBatchSize = maxBatchSize <= 0 ? 500 : maxBatchSize;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(8) : sendTimeout;
        maxInFlight = maxInFlight <= 0 ? 50_000 : maxInFlight;
        dedupeTtl = dedupeTtl == null ? Duration.ofDays(7) : dedupeTtl;
    }
}
