package com.freshloop.streams.scenario;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When the context of a shopper's region makes a scenario. There is no allowed lateness: regions are
 * learned from late orders too (a region is a fact whose age does not matter, and an order older than
 * the newest one seen never moves a shopper).
 *
 * @param timeZone dates of observations and holidays are days in this zone
 * @param hotC {@code scenario:hot_weather} at or above this temperature (°C)
 * @param coldC {@code scenario:cold_weather} at or below this temperature (°C)
 * @param stateTtl a shopper's region is forgotten after this long without an order
 */
public record ScenarioSettings(ZoneId timeZone, double hotC, double coldC, Duration stateTtl) implements Serializable {

    public ScenarioSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(stateTtl, "stateTtl");
        if (coldC >= hotC) {
            throw new IllegalArgumentException("coldC must be below hotC");
        }
    }

    public static ScenarioSettings defaults(ZoneId timeZone) {
        return new ScenarioSettings(timeZone, 30, 5, Duration.ofDays(180));
    }
}
