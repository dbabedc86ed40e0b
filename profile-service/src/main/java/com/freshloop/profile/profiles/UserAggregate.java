package com.freshloop.profile.profiles;

import java.time.Instant;

/** What the batch and the per-order rescoring read about a user's orders. */
record UserAggregate(
        String userId,
        Instant lastOrderAt,
        long totalOrders,
        long ordersInWindow,
        double spendInWindow,
        long unitsInWindow,
        long freshUnitsInWindow,
        long couponOrdersInWindow,
        int preferredHour) {

    double recencyDays(Instant now) {
        return lastOrderAt == null
                ? 10_000
                : Math.max(0, (now.toEpochMilli() - lastOrderAt.toEpochMilli()) / 86_400_000.0);
    }
}
