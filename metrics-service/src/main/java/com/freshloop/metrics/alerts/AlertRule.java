package com.freshloop.metrics.alerts;

import java.time.Instant;

/**
 * A threshold rule: the metric over the latest settled window compared with a threshold or with its
 * trailing baseline.
 *
 * @param id the rule id
 * @param version increases with every change; a change starts the rule's state afresh
 */
public record AlertRule(
        String id, RuleSpec spec, long version, Instant createdAt, Instant updatedAt, String updatedBy) {}
