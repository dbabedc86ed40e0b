package com.freshloop.recommendation.purchases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One order as a basket: who, where, when, how much, and the distinct SKUs. */
public record StoredBasket(
        String userId,
        @Nullable String region,
        Instant placedAt,
        @Nullable BigDecimal total,
        List<String> skus) {}
