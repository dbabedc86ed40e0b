package com.freshloop.supply.fulfilment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param promiseMinutes delivery promise made at checkout
 * @param riderMetresPerMinute average rider speed for the live ETA (250 m/min = 15 km/h)
 * @param basePoints compensation for any late delivery
 * @param pointsPerLateMinute added per minute late
 * @param maxPoints compensation cap
 */
@ConfigurationProperties("freshloop.supply.delivery")
public record FulfilmentProperties(
        Integer promiseMinutes,
        Double riderMetresPerMinute,
        Long basePoints,
        Long pointsPerLateMinute,
        Long maxPoints) {

    public FulfilmentProperties {
        promiseMinutes = promiseMinutes == null ? 29 : promiseMinutes;
        riderMetresPerMinute = riderMetresPerMinute == null ? 250.0 : riderMetresPerMinute;
        basePoints = basePoints == null ? 50L : basePoints;
        pointsPerLateMinute = pointsPerLateMinute == null ? 5L : pointsPerLateMinute;
        maxPoints = maxPoints == null ? 500L : maxPoints;
    }

    long compensation(long minutesLate) {
        return Math.min(maxPoints, basePoints + pointsPerLateMinute * Math.max(0, minutesLate));
    }
}
