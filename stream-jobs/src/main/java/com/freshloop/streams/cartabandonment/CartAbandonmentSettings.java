package com.freshloop.streams.cartabandonment;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How cart abandonment decides.
 *
 * @param allowedLateness an event this far behind the watermark still counts; later ones are dropped
 * @param abandonAfter a cart with no order this long after its newest item was added is abandoned
 * @param tagLifetime the {@code cart_abandoned} tag expires this long after the abandonment unless revoked
 * @param stateTtl a cart untouched this long is forgotten
 */
public record CartAbandonmentSettings(
        Duration allowedLateness, Duration abandonAfter, Duration tagLifetime, Duration stateTtl)
        implements Serializable {

    public CartAbandonmentSettings {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(abandonAfter, "abandonAfter");
        Objects.requireNonNull(tagLifetime, "tagLifetime");
        Objects.requireNonNull(stateTtl, "stateTtl");
    }

    public static CartAbandonmentSettings defaults() {
        return new CartAbandonmentSettings(
                Duration.ofDays(1), Duration.ofMinutes(30), Duration.ofDays(3), Duration.ofDays(7));
    }

    public CartAbandonmentSettings withAllowedLateness(Duration allowedLateness) {
        return new CartAbandonmentSettings(allowedLateness, abandonAfter, tagLifetime, stateTtl);
    }
}
