package com.freshloop.marketing.strategy;

import java.time.Instant;

/** One reaction to a metric alert: what was done and why. */
public record Adjustment(
        long id,
        String ruleId,
        String metric,
        double value,
        double baseline,
        double changeRatio,
        String action,
        String reason,
        Instant at) {}
