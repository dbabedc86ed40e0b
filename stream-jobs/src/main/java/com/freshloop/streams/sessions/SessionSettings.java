package com.freshloop.streams.sessions;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How sessions are cut and judged.
 *
 * @param allowedLateness how long after a session closed a late event may still reopen (update) it;
 *     later events are dropped by the window (metric {@code numLateRecordsDropped})
 * @param gap a pause this long ends a session (30 minutes)
 * @param lookback sessions count for this long after they ended (14 days)
 * @param minSessions this many sessions without an order since the last one with an order make a
 *     {@code browser_no_buy}
 * @param stateTtl a shopper's sessions are forgotten after this long without one
 */
public record SessionSettings(
        Duration allowedLateness, Duration gap, Duration lookback, int minSessions, Duration stateTtl)
        implements Serializable {

    public SessionSettings {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(gap, "gap");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(stateTtl, "stateTtl");
        if (minSessions < 1) {
            throw new IllegalArgumentException("minSessions must be positive");
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(
                Duration.ofDays(1), Duration.ofMinutes(30), Duration.ofDays(14), 3, Duration.ofDays(30));
    }

    public SessionSettings withAllowedLateness(Duration allowedLateness) {
        return new SessionSettings(allowedLateness, gap, lookback, minSessions, stateTtl);
    }
}
