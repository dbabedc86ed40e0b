package com.freshloop.metrics.alerts;

import java.time.Instant;
import java.util.UUID;

/**
 * An alert, as published and as listed to operators.
 *
 * @param eventId deterministic: the same breach always has the same id, so a re-publish is a duplicate
 *     consumers drop
 * @param baseline the trailing baseline, or the threshold for absolute rules
 * @param changeRatio value / baseline - 1
 */
public record RaisedAlert(
        UUID eventId,
        String ruleId,
        AlertMetric metric,
        double value,
        double baseline,
        double changeRatio,
        Instant windowFrom,
        Instant windowTo,
        Instant raisedAt) {}
