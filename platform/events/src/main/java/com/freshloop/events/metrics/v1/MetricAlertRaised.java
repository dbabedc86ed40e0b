package com.freshloop.events.metrics.v1;

/**
 * A metric crossed its alert threshold.
 *
 * @param ruleId the alert rule
 * @param metric e.g. {@code repurchase_rate_30d}
 * @param value the current value
 * @param baseline the trailing baseline it is compared with
 * @param changeRatio {@code value / baseline - 1}
 */
public record MetricAlertRaised(String ruleId, String metric, double value, double baseline, double changeRatio)
        implements MetricsEvent {}
