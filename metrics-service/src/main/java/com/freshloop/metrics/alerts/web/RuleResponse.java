package com.freshloop.metrics.alerts.web;

import com.freshloop.metrics.alerts.AlertRule;
import com.freshloop.metrics.alerts.RuleSpec;
import java.time.Instant;

/** A stored rule. */
record RuleResponse(
        String id,
        String metric,
        String comparison,
        double threshold,
        int windowDays,
        int baselineDays,
        int lagDays,
        boolean enabled,
        String description,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String updatedBy) {

    static RuleResponse of(AlertRule rule) {
        RuleSpec spec = rule.spec();
        return new RuleResponse(
                rule.id(),
                spec.metric().param(),
                spec.comparison().param(),
                spec.threshold(),
                spec.windowDays(),
                spec.baselineDays(),
                spec.lagDays(),
                spec.enabled(),
                spec.description(),
                rule.version(),
                rule.createdAt(),
                rule.updatedAt(),
                rule.updatedBy());
    }
}
