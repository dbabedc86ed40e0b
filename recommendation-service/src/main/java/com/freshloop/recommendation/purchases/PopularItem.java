package com.freshloop.recommendation.purchases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** How often a SKU has been ordered by all shoppers; {@code orders} counts orders containing it. */
public record PopularItem(
        String sku, @Nullable String name, @Nullable String category, long orders, long units, Instant lastOrderedAt) {}
