package com.freshloop.events.recommendation.v1;

/**
 * A user clicked a recommended product.
 *
 * @param sku the product
 * @param experiment the A/B experiment, if any
 * @param variant the variant
 */
public record RecommendationClicked(String sku, String experiment, String variant) implements RecommendationEvent {}
