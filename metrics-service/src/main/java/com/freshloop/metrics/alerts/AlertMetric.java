package com.freshloop.metrics.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics a rule can watch, each with how long its value takes to settle: a rule compares
 * windows that ended at least that many days ago (a 30-day repurchase rate is only known 30 days
 * after the cohort).
 */
public enum AlertMetric {
    REPURCHASE_RATE_30D(30),
    AOV(1),
    COUPON_REDEMPTION_RATE(7),
    PUSH_OPEN_RATE(1),
    PUSH_CONVERSION_RATE(1),
    STOCKOUT_RATE(0),
    SPOILAGE_RATE(0);

    private final int defaultLagDays;

    AlertMetric(int defaultLagDays) {
        this.defaultLagDays = defaultLagDays;
    }

    public int defaultLagDays() {
        return defaultLagDays;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AlertMetric> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.param().equals(value)).findFirst();
    }
}
