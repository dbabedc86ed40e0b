package com.freshloop.streams.purchasecycle;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How purchase cycles are measured and when a repurchase is due.
 *
 * @param allowedLateness an event this far behind the watermark still counts; later ones are dropped
 * @param dueFraction a product is due at the last purchase plus this fraction of the usual interval
 * @param expireFraction the {@code due_soon} tag expires at the last purchase plus this fraction of the
 *     interval (by then the shopper has lapsed or bought elsewhere)
 * @param minIntervals intervals needed before the cycle counts as known (2 = three purchases)
 * @param maxPurchases the most recent purchases kept per product; the cycle is their median interval
 * @param sameOccasion purchases of a product closer than this are one occasion (a top-up, a split order)
 * @param stateTtl a product not bought for this long is forgotten
 */
public record PurchaseCycleSettings(
        Duration allowedLateness,
        double dueFraction,
        double expireFraction,
        int minIntervals,
        int maxPurchases,
        Duration sameOccasion,
        Duration stateTtl)
        implements Serializable {

    public PurchaseCycleSettings {
        Objects.requireNonNull(allowedLateness, "allowedLateness");
        Objects.requireNonNull(sameOccasion, "sameOccasion");
        Objects.requireNonNull(stateTtl, "stateTtl");
        if (dueFraction <= 0 || expireFraction <= dueFraction || minIntervals < 1 || maxPurchases <= minIntervals) {
            throw new IllegalArgumentException(
                    "need 0 < dueFraction < expireFraction, minIntervals >= 1 and maxPurchases > minIntervals");
        }
    }

    public static PurchaseCycleSettings defaults() {
        return new PurchaseCycleSettings(
                Duration.ofDays(1), 0.8, 1.5, 2, 8, Duration.ofHours(12), Duration.ofDays(400));
    }

    public PurchaseCycleSettings withAllowedLateness(Duration allowedLateness) {
        return new PurchaseCycleSettings(
                allowedLateness, dueFraction, expireFraction, minIntervals, maxPurchases, sameOccasion, stateTtl);
    }
}
