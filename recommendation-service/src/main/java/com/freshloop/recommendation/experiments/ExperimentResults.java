package com.freshloop.recommendation.experiments;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Per-variant outcomes of an experiment. Rates are per exposed shopper: click-through = shoppers who
 * clicked a recommendation, conversion = shoppers who ordered after their first exposure; the tests
 * compare each variant with the control (the first variant).
 */
public record ExperimentResults(
        Experiment experiment, List<VariantResult> variants, Statistics.SampleRatio sampleRatio) {

    /** One variant's numbers. */
    public record VariantResult(
            String variant,
            double expectedShare,
            long users,
            long exposures,
            long clickers,
            double clickThrough,
            long converters,
            double conversion,
            long orders,
            BigDecimal revenue,
            double revenuePerUser,
            double averageBasketValue,
            Statistics.@Nullable ProportionTest clickThroughVsControl,
            Statistics.@Nullable ProportionTest conversionVsControl) {}
}
