package com.freshloop.supply.returns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A return and where it stands: requested, pickup_scheduled or refunded. */
public record ReturnRequest(
        UUID id,
        String userId,
        String orderId,
        String sku,
        int quantity,
        String reason,
        String status,
        @Nullable Instant pickupAt,
        @Nullable BigDecimal refunded,
        Instant createdAt) {}
