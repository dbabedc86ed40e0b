package com.freshloop.metrics.alerts;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Evaluates the rules every {@code freshloop.metrics.alerts.interval} (default 15 minutes). */
@Component
@ConditionalOnProperty(prefix = "freshloop.metrics.alerts", name = "enabled", matchIfMissing = true)
class AlertSchedule {

    private final AlertEvaluator evaluator;
    private final Clock clock;

    AlertSchedule(AlertEvaluator evaluator, Clock clock) {
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Scheduled(
            initialDelayString = "${freshloop.metrics.alerts.initial-delay:PT1M}",
            fixedDelayString = "${freshloop.metrics.alerts.interval:PT15M}")
    void evaluate() {
        evaluator.evaluateAll(clock.instant());
    }
}
