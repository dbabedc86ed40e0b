package com.freshloop.metrics.alerts;

/**
 * What a rule watches.
 *
 * @param metric the metric
 * @param comparison how the value is judged
 * @param threshold the relative change (0.05 = 5 %) or the absolute bound
 * @param windowDays the window the value is computed over
 * @param baselineDays the trailing window before it, for relative comparisons
 * @param lagDays how many days before today the window ends
 * @param enabled whether it is evaluated
 * @param description for operators
 */
public record RuleSpec(
        AlertMetric metric,
        Comparison comparison,
        double threshold,
        int windowDays,
        int baselineDays,
        int lagDays,
        boolean enabled,
        String description) {}
