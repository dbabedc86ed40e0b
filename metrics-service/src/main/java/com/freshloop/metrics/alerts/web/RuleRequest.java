package com.freshloop.metrics.alerts.web;

import com.freshloop.metrics.alerts.AlertMetric;
import com.freshloop.metrics.alerts.Comparison;
import com.freshloop.metrics.alerts.RuleSpec;
import com.freshloop.starter.web.BadRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A rule as operators write it.
 *
 * @param metric repurchase_rate_30d, aov, coupon_redemption_rate, push_open_rate,
 *     push_conversion_rate, stockout_rate or spoilage_rate
 * @param comparison relative_drop, relative_rise, below or above
 * @param threshold relative change for relative comparisons (0.05 = 5 %, below 1), bound otherwise
 * @param windowDays days the value is computed over (default 7)
 * @param baselineDays days of trailing baseline before the window (default 28)
 * @param lagDays days between the window's end and today (default: the metric's settling time, 30
 *     for the repurchase rate)
 * @param enabled default true
 * @param description for operators
 */
record RuleRequest(
        @Schema(example = "repurchase_rate_30d") @NotBlank String metric,
        @Schema(example = "relative_drop") @NotBlank String comparison,
        @Schema(example = "0.05") @NotNull @PositiveOrZero Double threshold,
        @Min(1) @Max(90) @Nullable Integer windowDays,
        @Min(1) @Max(365) @Nullable Integer baselineDays,
        @Min(0) @Max(90) @Nullable Integer lagDays,
        @Nullable Boolean enabled,
        @Size(max = 500) @Nullable String description) {

    RuleSpec spec() {
        AlertMetric parsedMetric = AlertMetric.parse(metric)
                .orElseThrow(() -> new BadRequestException(
                        "metric",
                        "must be one of "
                                + Arrays.stream(AlertMetric.values())
                                        .map(AlertMetric::param)
                                        .collect(Collectors.joining(", "))));
        Comparison parsedComparison = Comparison.parse(comparison)
                .orElseThrow(() -> new BadRequestException(
                        "comparison", "must be one of relative_drop, relative_rise, below, above"));
        if (parsedComparison.relative() && (threshold <= 0 || threshold >= 1)) {
            throw new BadRequestException("threshold", "must be a fraction between 0 and 1 for relative comparisons");
        }
        return new RuleSpec(
                parsedMetric,
                parsedComparison,
                threshold,
                windowDays == null ? 7 : windowDays,
                baselineDays == null ? 28 : baselineDays,
                lagDays == null ? parsedMetric.defaultLagDays() : lagDays,
                enabled == null || enabled,
                description == null ? "" : description);
    }
}
