package com.freshloop.recommendation.serving;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Serving settings ({@code freshloop.recommendation.serving}).
 *
 * @param listSize items precomputed per shopper
 * @param listTtl how long a precomputed list lives in Redis without being refreshed
 * @param zone the shop's time zone (time-of-day rules)
 * @param hotFrom temperature from which the weather is "hot"
 * @param coldUpTo temperature up to which it is "cold"
 * @param dueFrom how close to its usual cycle (0-1) an item must be to count as due
 * @param breakerWait how long the Redis circuit breaker stays open before trying again
 */
@ConfigurationProperties("freshloop.recommendation.serving")
public record ServingProperties(
        @DefaultValue("50") int listSize,
        @DefaultValue("P7D") Duration listTtl,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("28") double hotFrom,
        @DefaultValue("5") double coldUpTo,
        @DefaultValue("0.7") double dueFrom,
        @DefaultValue("PT10S") Duration breakerWait) {}
