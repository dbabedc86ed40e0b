package com.freshloop.recommendation.purchases;

import org.jspecify.annotations.Nullable;

/**
 * One recommended item.
 *
 * @param strategy {@code repurchase} (the shopper bought it before) or {@code popular}
 * @param reason why it is shown, in words a shopper understands
 */
public record Recommendation(
        String sku, @Nullable String name, @Nullable String category, String strategy, String reason) {

    public static final String REPURCHASE = "repurchase";
    public static final String POPULAR = "popular";
}
