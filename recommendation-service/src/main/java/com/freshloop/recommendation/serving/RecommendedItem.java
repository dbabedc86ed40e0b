package com.freshloop.recommendation.serving;

import org.jspecify.annotations.Nullable;

/**
 * One recommended item as served.
 *
 * @param strategy {@code repurchase}, {@code similar_shoppers}, {@code bought_with}, {@code also_bought},
 *     {@code popular} or {@code scenario}
 * @param reason why it is shown, in words a shopper understands
 * @param experiment the running experiment that produced the list, if any
 * @param variant the shopper's variant in it
 */
public record RecommendedItem(
        String sku,
        @Nullable String name,
        @Nullable String category,
        String strategy,
        String reason,
        @Nullable String experiment,
        @Nullable String variant) {}
