package com.freshloop.streams.activehours;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the active-hours job reads its events and how long what it says holds.
 *
 * @param timeZone hours of day are counted in this zone
 * @param allowedLateness an event this far behind the watermark still counts; later ones are dropped
 * @param tagLifetime an emitted tag expires this long after the latest event it was based on
 * @param stateTtl a user's histogram is forgotten after this long without events
 */
public record ActiveHoursSettings(ZoneId timeZone, Duration allowedLateness, Duration tagLifetime, Duration stateTtl)
        implements Serializable {

    public ActiveHoursSettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(tagLifetime, "tagLifetime");
        Objects.requireNonNull(stateTtl, "stateTtl");
    }

    public static ActiveHoursSettings defaults(ZoneId timeZone) {
        return new ActiveHoursSettings(timeZone, Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(30));
    }

    public ActiveHoursSettings withAllowedLateness(Duration allowedLateness) {
        return new ActiveHoursSettings(timeZone, allowedLateness, tagLifetime, stateTtl);
    }

    /**
     * A tag whose leading hour has not changed is re-sent once half its lifetime has passed, so that a
     * shopper whose habit holds keeps the tag instead of seeing it expire.
     */
    public Duration renewAfter() {
        return tagLifetime.dividedBy(2);
    }
}
