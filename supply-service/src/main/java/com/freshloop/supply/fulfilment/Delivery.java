package com.freshloop.supply.fulfilment;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An order on its way: the promise, the rider's last known position and the live ETA. */
public record Delivery(
        String orderId,
        String userId,
        String region,
        Instant placedAt,
        Instant promisedAt,
        @Nullable String riderId,
        @Nullable Double riderLat,
        @Nullable Double riderLon,
        @Nullable Instant eta,
        @Nullable Instant deliveredAt,
        boolean compensated) {

    /** Late if delivered after the promise, or still under way with an ETA past it. */
    public boolean late() {
        Instant when = deliveredAt != null ? deliveredAt : eta;
        return when != null && when.isAfter(promisedAt);
    }
}
