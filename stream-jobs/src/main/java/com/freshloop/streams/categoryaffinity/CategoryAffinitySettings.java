package com.freshloop.streams.categoryaffinity;

import java.io.Serializable;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How category affinity weighs and decides.
 *
 * @param timeZone days (the window's panes) begin at midnight in this zone
 * @param allowedLateness an event this far behind the watermark still counts; later ones are dropped
 * @param windowDays the window: the last this many days, today included, sliding by one day
 * @param minShare a category must have at least this share of the window's weight to become an interest
 * @param keepShare an interest stays while its share is at least this (below {@code minShare}, so that a
 *     share hovering around the threshold does not assign and revoke the tag on every event)
 * @param minWeight a category needs at least this weight (so that one glance is not an interest)
 * @param minTotalWeight no interests at all until the window holds this much weight (the first events
 *     of a shopper would otherwise each make a 100% interest, revoked by the next)
 * @param maxTags at most this many interests per shopper, the heaviest
 * @param stateTtl a shopper's window is forgotten after this long without events (it empties itself
 *     after {@code windowDays} anyway; this is a safety net)
 */
public record CategoryAffinitySettings(
        ZoneId timeZone,
        Duration allowedLateness,
        int windowDays,
        double minShare,
        double keepShare,
        double minWeight,
        double minTotalWeight,
        int maxTags,
        Duration stateTtl)
        implements Serializable {

    /** A page view of the category. */
    public static final double VIEW_WEIGHT = 1;
    /** An item of the category put in the cart. */
    public static final double CART_WEIGHT = 3;
    /** An order with at least one line of the category. */
    public static final double ORDER_WEIGHT = 5;

    public CategoryAffinitySettings {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(stateTtl, "stateTtl");
        if (windowDays < 1 || maxTags < 1 || minShare <= 0 || minShare > 1 || keepShare <= 0 || keepShare > minShare) {
            throw new IllegalArgumentException(
                    "windowDays and maxTags must be positive, 0 < keepShare <= minShare <= 1");
        }
    }

    public static CategoryAffinitySettings defaults(ZoneId timeZone) {
        return new CategoryAffinitySettings(timeZone, Duration.ofDays(1), 7, 0.2, 0.15, 3, 8, 3, Duration.ofDays(30));
    }

    public CategoryAffinitySettings withAllowedLateness(Duration allowedLateness) {
        return new CategoryAffinitySettings(
                timeZone,
                allowedLateness,
                windowDays,
                minShare,
                keepShare,
                minWeight,
                minTotalWeight,
                maxTags,
                stateTtl);
    }
}
