package com.freshloop.metrics.alerts.web;

import com.freshloop.metrics.alerts.AlertEvaluator;
import com.freshloop.metrics.alerts.AlertRules;
import com.freshloop.metrics.alerts.RaisedAlert;
import com.freshloop.metrics.audit.AuditLog;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.web.RequestPeriods;
import com.freshloop.starter.security.CurrentUser;
import com.freshloop.starter.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/v1/metrics/alerts")
@Tag(
        name = "Alerts (operators)",
        description = "Threshold rules on the metrics, evaluated every 15 minutes over whole UTC days. A breach"
                + " publishes one metric.alert_raised (at least once, with a deterministic event id consumers"
                + " de-duplicate by). Every change is audited.")
class AlertsController {

    private final AlertRules rules;
    private final AlertEvaluator evaluator;
    private final AuditLog audit;
    private final Clock clock;

    AlertsController(AlertRules rules, AlertEvaluator evaluator, AuditLog audit, Clock clock) {
        this.rules = rules;
        this.evaluator = evaluator;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param outcome no_data, ok, recovered, raised, republished, still_breaching, publish_failed or
     *     disabled
     */
    record EvaluationResponse(
            String ruleId,
            String metric,
            String outcome,
            @Nullable Double value,
            @Nullable Double baseline,
            Instant windowFrom,
            Instant windowTo,
            @Nullable UUID eventId) {

        static EvaluationResponse of(AlertEvaluator.Evaluation e) {
            return new EvaluationResponse(
                    e.ruleId(),
                    e.metric().param(),
                    e.outcome().param(),
                    e.value(),
                    e.baseline(),
                    e.windowFrom(),
                    e.windowTo(),
                    e.eventId());
        }
    }

    record AlertResponse(
            UUID eventId,
            String ruleId,
            String metric,
            double value,
            double baseline,
            double changeRatio,
            Instant windowFrom,
            Instant windowTo,
            Instant raisedAt) {

        static AlertResponse of(RaisedAlert a) {
            return new AlertResponse(
                    a.eventId(),
                    a.ruleId(),
                    a.metric().param(),
                    a.value(),
                    a.baseline(),
                    a.changeRatio(),
                    a.windowFrom(),
                    a.windowTo(),
                    a.raisedAt());
        }
    }

    @GetMapping("/rules")
    @Operation(summary = "Every alert rule")
    List<RuleResponse> all() {
        return rules.all().stream().map(RuleResponse::of).toList();
    }

    @PostMapping("/rules")
    @Operation(
            summary = "Create a rule",
            description =
                    "E.g. {\"metric\":\"repurchase_rate_30d\",\"comparison\":\"relative_drop\",\"threshold\":0.05}:"
                            + " the 30-day repurchase rate of the latest complete 7-day cohort window 5 % below its 28-day"
                            + " trailing baseline.")
    ResponseEntity<RuleResponse> create(@Valid @RequestBody RuleRequest request) {
        RuleResponse created = RuleResponse.of(rules.create(request.spec(), CurrentUser.name()));
        return ResponseEntity.created(URI.create("/admin/v1/metrics/alerts/rules/" + created.id()))
                .body(created);
    }

    @GetMapping("/rules/{id}")
    @Operation(summary = "One rule")
    RuleResponse one(@PathVariable @Size(max = 64) String id) {
        return rules.find(id).map(RuleResponse::of).orElseThrow(() -> notFound(id));
    }

    @PutMapping("/rules/{id}")
    @Operation(summary = "Replace a rule; its state starts afresh")
    RuleResponse update(@PathVariable @Size(max = 64) String id, @Valid @RequestBody RuleRequest request) {
        try {
            return RuleResponse.of(rules.update(id, request.spec(), CurrentUser.name()));
        } catch (AlertRules.UnknownRuleException e) {
            throw notFound(id);
        }
    }

    @DeleteMapping("/rules/{id}")
    @Operation(summary = "Delete a rule")
    ResponseEntity<Void> delete(@PathVariable @Size(max = 64) String id) {
        try {
            rules.delete(id, CurrentUser.name());
        } catch (AlertRules.UnknownRuleException e) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/evaluate")
    @Operation(summary = "Evaluate every rule now, as the schedule does")
    List<EvaluationResponse> evaluate() {
        List<EvaluationResponse> evaluations = evaluator.evaluateAll(clock.instant()).stream()
                .map(EvaluationResponse::of)
                .toList();
        audit.record(CurrentUser.name(), "alerts.evaluated", "*", Map.of("rules", evaluations.size()));
        return evaluations;
    }

    @GetMapping
    @Operation(summary = "Alerts raised, newest first")
    List<AlertResponse> raised(
            @Parameter(description = "raised at or after; default: 30 days before `to`")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "raised before; default: now") @RequestParam(required = false) @Nullable
                    Instant to) {
        Period period = RequestPeriods.period(from, to == null ? clock.instant().plusSeconds(1) : to, clock);
        return evaluator.raised(period.from(), period.to()).stream()
                .map(AlertResponse::of)
                .toList();
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no alert rule " + id);
    }
}
