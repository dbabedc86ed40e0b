package com.freshloop.recommendation.serving;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper is shown.
 *
 * @param context {@code home}, {@code cart} or {@code product:<sku>}
 * @param fallback true when a dependency failed and the list is the popular fallback
 */
public record Recommendations(
        String userId,
        String context,
        boolean fallback,
        @Nullable String experiment,
        @Nullable String variant,
        List<RecommendedItem> items) {}
