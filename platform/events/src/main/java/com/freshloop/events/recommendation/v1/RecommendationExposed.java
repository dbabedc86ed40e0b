package com.freshloop.events.recommendation.v1;

import java.util.List;

/**
 * A list of recommendations was shown to a user.
 *
 * @param context where: {@code home}, {@code cart}, {@code product:<sku>}
 * @param experiment the A/B experiment, if any
 * @param variant the variant the user is in
 * @param skus the products shown, in order
 */
public record RecommendationExposed(String context, String experiment, String variant, List<String> skus)
        implements RecommendationEvent {}
