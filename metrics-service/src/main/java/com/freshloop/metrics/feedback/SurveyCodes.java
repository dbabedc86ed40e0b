package com.freshloop.metrics.feedback;

import java.util.List;

/** The answer codes the app offers; anything else is refused. */
public final class SurveyCodes {

    /** Why the shopper came back. */
    public static final List<String> REASONS = List.of(
            "coupon",
            "push_reminder",
            "recommendation",
            "membership_perk",
            "freshness",
            "price",
            "delivery_speed",
            "product_range",
            "habit",
            "other");

    /**
     * What nearly kept them away. The aspects are profile-service's text-analysis aspects, so survey
     * answers and {@code unhappy:<aspect>} tags add up per aspect.
     */
    public static final List<String> BLOCKERS = List.of(
            "delivery_speed",
            "freshness",
            "price",
            "rider_attitude",
            "stock_out",
            "product_quality",
            "app_experience",
            "other");

    public static final int MAX_COMMENT = 1000;

    private SurveyCodes() {}
}
