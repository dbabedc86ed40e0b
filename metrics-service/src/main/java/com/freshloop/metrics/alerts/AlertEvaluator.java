package com.freshloop.metrics.alerts;

import com.freshloop.metrics.kpi.CouponRedemption;
import com.freshloop.metrics.kpi.OrderValue;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.PushEngagement;
import com.freshloop.metrics.kpi.RepurchaseRate;
import com.freshloop.metrics.kpi.Slice;
import com.freshloop.metrics.kpi.StockHealth;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Evaluates the rules and raises one alert per breach.
 *
 * <p>Windows are whole UTC days: the value is the metric over {@code [today - lag - window, today -
 * lag)}, the baseline over the {@code baselineDays} before that. A rule that was not breaching and is
 * now raises an alert; while it stays breached nothing more is raised; once it recovers, a later
 * breach raises a new alert.
 *
 * <p>There is no relational outbox here, so delivery is at least once with a deterministic event
 * id: the id is derived from (rule, rule version, window start), the state is written as "breaching,
 * not yet published" before publishing and "published" after Kafka's acknowledgement. A crash (or a
 * failed send) in between re-publishes the same id at the next evaluation, and consumers drop the
 * duplicate by event id; two instances evaluating the same breach on the same day derive the same id
 * too.
 */
@Component
public class AlertEvaluator {

    private static final Logger log = LoggerFactory.getLogger(AlertEvaluator.class);

    /** What an evaluation found. */
    public enum Outcome {
        /** no data in the window or the baseline */
        NO_DATA,
        OK,
        /** recovered from a breach */
        RECOVERED,
        /** breached, and a new alert was raised */
        RAISED,
        /** breached, the pending alert of this breach was published again */
        REPUBLISHED,
        /** still breached, its alert was raised before */
        STILL_BREACHING,
        /** breached, but publishing failed; retried at the next evaluation */
        PUBLISH_FAILED,
        DISABLED;

        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param value the metric over the window
     * @param baseline the baseline (relative rules) or the threshold (absolute rules)
     * @param eventId the alert of the current breach, if any
     */
    public record Evaluation(
            String ruleId,
            AlertMetric metric,
            Outcome outcome,
            @Nullable Double value,
            @Nullable Double baseline,
            Instant windowFrom,
            Instant windowTo,
            @Nullable UUID eventId) {}

    private final AlertRules rules;
    private final AlertStates states;
    private final AlertPublisher publisher;
    private final RepurchaseRate repurchaseRate;
    private final OrderValue orderValue;
    private final CouponRedemption couponRedemption;
    private final PushEngagement push;
    private final StockHealth stock;

    AlertEvaluator(
            AlertRules rules,
            AlertStates states,
            AlertPublisher publisher,
            RepurchaseRate repurchaseRate,
            OrderValue orderValue,
            CouponRedemption couponRedemption,
            PushEngagement push,
            StockHealth stock) {
        this.rules = rules;
        this.states = states;
        this.publisher = publisher;
        this.repurchaseRate = repurchaseRate;
        this.orderValue = orderValue;
        this.couponRedemption = couponRedemption;
        this.push = push;
        this.stock = stock;
    }

    /** Every rule, as of {@code now}; one failing rule does not stop the others. */
    public synchronized List<Evaluation> evaluateAll(Instant now) {
        List<Evaluation> evaluations = new ArrayList<>();
        for (AlertRule rule : rules.all()) {
            try {
                evaluations.add(evaluate(rule, now));
            } catch (RuntimeException e) {
                log.warn("Evaluating alert rule {} failed", rule.id(), e);
            }
        }
        return evaluations;
    }

    /** The alerts raised in the range, newest first. */
    public List<RaisedAlert> raised(Instant from, Instant to) {
        return states.raised(from, to);
    }

    Evaluation evaluate(AlertRule rule, Instant now) {
        RuleSpec spec = rule.spec();
        Instant windowTo = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(spec.lagDays()));
        Period window = new Period(windowTo.minus(Duration.ofDays(spec.windowDays())), windowTo);
        if (!spec.enabled()) {
            return evaluation(rule, Outcome.DISABLED, null, null, window, null);
        }
        Double value = value(spec.metric(), window);
        Double reference = spec.comparison().relative()
                ? value(
                        spec.metric(),
                        new Period(window.from().minus(Duration.ofDays(spec.baselineDays())), window.from()))
                : Double.valueOf(spec.threshold());
        if (value == null || reference == null) {
            return evaluation(rule, Outcome.NO_DATA, value, reference, window, null);
        }
        Optional<AlertStates.State> stored = states.find(rule.id()).filter(s -> s.ruleVersion() == rule.version());
        boolean breached = spec.comparison().breached(value, reference, spec.threshold());
        if (!breached) {
            if (stored.isPresent() && stored.get().breaching()) {
                states.save(
                        new AlertStates.State(rule.id(), rule.version(), false, "", false, now, value, reference), now);
                return evaluation(rule, Outcome.RECOVERED, value, reference, window, null);
            }
            return evaluation(rule, Outcome.OK, value, reference, window, null);
        }
        if (stored.isPresent() && stored.get().breaching()) {
            AlertStates.State state = stored.get();
            UUID eventId = UUID.fromString(state.eventId());
            if (state.published()) {
                return evaluation(rule, Outcome.STILL_BREACHING, value, reference, window, eventId);
            }
            RaisedAlert pending =
                    states.raised(state.eventId()).orElseGet(() -> alert(eventId, rule, value, reference, window, now));
            return publish(rule, state, pending, Outcome.REPUBLISHED, window, now);
        }
        UUID eventId = eventId(rule, window);
        RaisedAlert alert = alert(eventId, rule, value, reference, window, now);
        AlertStates.State pending = new AlertStates.State(
                rule.id(), rule.version(), true, eventId.toString(), false, now, value, reference);
        states.save(pending, now);
        states.raised(alert);
        return publish(rule, pending, alert, Outcome.RAISED, window, now);
    }

    private Evaluation publish(
            AlertRule rule, AlertStates.State pending, RaisedAlert alert, Outcome outcome, Period window, Instant now) {
        try {
            publisher.publish(alert);
        } catch (RuntimeException e) {
            log.warn(
                    "Publishing alert {} of rule {} failed; retrying at the next evaluation",
                    alert.eventId(),
                    rule.id(),
                    e);
            return evaluation(rule, Outcome.PUBLISH_FAILED, alert.value(), alert.baseline(), window, alert.eventId());
        }
        states.save(
                new AlertStates.State(
                        rule.id(),
                        rule.version(),
                        true,
                        pending.eventId(),
                        true,
                        pending.since(),
                        alert.value(),
                        alert.baseline()),
                now);
        log.info(
                "Alert {} raised: rule {} {} = {} against {}",
                alert.eventId(),
                rule.id(),
                rule.spec().metric().param(),
                alert.value(),
                alert.baseline());
        return evaluation(rule, outcome, alert.value(), alert.baseline(), window, alert.eventId());
    }

    /** The metric's value over the period, {@code null} without data. */
    @Nullable
    Double value(AlertMetric metric, Period period) {
        return switch (metric) {
            case REPURCHASE_RATE_30D -> repurchaseRate.value(period, RepurchaseRate.DEFAULT_WINDOW_DAYS);
            case AOV -> orderValue.value(period);
            case COUPON_REDEMPTION_RATE -> couponRedemption.value(period);
            case PUSH_OPEN_RATE ->
                pushRow(period).map(PushEngagement.Row::openRate).orElse(null);
            case PUSH_CONVERSION_RATE ->
                pushRow(period).map(PushEngagement.Row::conversionRate).orElse(null);
            case STOCKOUT_RATE -> stock.stockoutRate(period);
            case SPOILAGE_RATE -> stock.spoilageRate(period);
        };
    }

    private Optional<PushEngagement.Row> pushRow(Period period) {
        return push
                .compute(period, Slice.TOTAL, PushEngagement.DEFAULT_CHANNEL, PushEngagement.DEFAULT_WINDOW_HOURS)
                .stream()
                .findFirst();
    }

    /** The same rule, version and window always give the same id. */
    static UUID eventId(AlertRule rule, Period window) {
        String key = "metric.alert_raised|" + rule.id() + "|" + rule.version() + "|"
                + window.from().getEpochSecond();
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static RaisedAlert alert(
            UUID eventId, AlertRule rule, double value, double reference, Period window, Instant now) {
        double change = reference == 0 ? 0 : value / reference - 1;
        return new RaisedAlert(
                eventId, rule.id(), rule.spec().metric(), value, reference, change, window.from(), window.to(), now);
    }

    private static Evaluation evaluation(
            AlertRule rule,
            Outcome outcome,
            @Nullable Double value,
            @Nullable Double baseline,
            Period window,
            @Nullable UUID eventId) {
        return new Evaluation(
                rule.id(), rule.spec().metric(), outcome, value, baseline, window.from(), window.to(), eventId);
    }
}
