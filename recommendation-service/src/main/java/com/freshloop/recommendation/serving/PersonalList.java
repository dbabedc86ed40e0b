package com.freshloop.recommendation.serving;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's precomputed list as stored in Redis.
 *
 * @param modelVersion the training run that produced it
 * @param orders orders the shopper had placed (for lifecycle rules)
 * @param region region of the last order (for weather rules)
 */
public record PersonalList(
        String userId,
        long modelVersion,
        Instant computedAt,
        int orders,
        @Nullable String region,
        List<Item> items) {

    /**
     * One item.
     *
     * @param strategy {@code repurchase}, {@code similar_shoppers}, {@code bought_with}, {@code also_bought}
     *     or {@code popular}
     * @param due true when the shopper's usual interval for it has about passed (repurchase reminders)
     */
    public record Item(
            String sku,
            @Nullable String name,
            @Nullable String category,
            String strategy,
            String reason,
            double score,
            boolean due) {}
}
