package com.freshloop.streams.rfm;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The running RFM inputs.
 *
 * @param allowedLateness an event this far behind the watermark still counts; later ones are dropped
 * @param window orders count while they are younger than this (30 days)
 * @param stateTtl safety net: a shopper's orders are forgotten after this long without one (they leave
 *     the window anyway)
 */
public record RfmSettings(Duration allowedLateness, Duration window, Duration stateTtl) implements Serializable {

    public RfmSettings {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(stateTtl, "stateTtl");
    }

    public static RfmSettings defaults() {
        return new RfmSettings(Duration.ofDays(1), Duration.ofDays(30), Duration.ofDays(60));
    }

    public RfmSettings withAllowedLateness(Duration allowedLateness) {
        return new RfmSettings(allowedLateness, window, stateTtl);
    }

    /** {@code orders_30d} for a 30-day window. */
    public String ordersTag() {
        return "orders_" + window.toDays() + "d";
    }

    /** {@code spend_30d} for a 30-day window. */
    public String spendTag() {
        return "spend_" + window.toDays() + "d";
    }
}
