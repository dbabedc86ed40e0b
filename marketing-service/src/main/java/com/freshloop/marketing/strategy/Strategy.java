package com.freshloop.marketing.strategy;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.marketing.coupons.CouponTemplate;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adjustable part of the marketing strategy. A drop of the repurchase rate (a {@code metric.alert_raised}
 * for the configured metric with a negative change) widens the win-back audience by one more lifecycle
 * stage ({@code at_risk} by default) — reaching shoppers before they fall silent — at most once, and raises
 * the value of the win-back coupon ({@code raise.template-id}) by {@code raise.step} up to {@code raise.max-value},
 * only while the template's budget covers one more coupon at the new value (the budget cap keeps bounding the
 * total issued). Every alert handled is recorded with the action taken and the reason, including "no change".
 */
@Service
public class Strategy {

    static final String CONSUMER = "marketing-service.strategy";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final String metric;
    private final String widenTo;
    private final Coupons coupons;
    private final UUID raiseTemplate;
    private final BigDecimal raiseStep;
    private final BigDecimal raiseMax;

    Strategy(
            JdbcClient jdbc,
            ProcessedEvents processed,
            Clock clock,
            Coupons coupons,
            @Value("${freshloop.marketing.strategy.metric:repurchase_rate_30d}") String metric,
            @Value("${freshloop.marketing.strategy.widen-to:at_risk}") String widenTo,
            @Value("${freshloop.marketing.strategy.raise.template-id:00000000-0000-0000-0000-00000000b050}")
                    UUID raiseTemplate,
            @Value("${freshloop.marketing.strategy.raise.step:5}") BigDecimal raiseStep,
            @Value("${freshloop.marketing.strategy.raise.max-value:30}") BigDecimal raiseMax) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.clock = clock;
        this.coupons = coupons;
        this.metric = metric;
        this.widenTo = widenTo;
        this.raiseTemplate = raiseTemplate;
        this.raiseStep = raiseStep;
        this.raiseMax = raiseMax;
    }

    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof MetricAlertRaised alert) || !processed.firstDelivery(CONSUMER, event.id())) {
            return;
        }
        Instant now = clock.instant();
        if (!metric.equals(alert.metric()) || alert.changeRatio() >= 0) {
            record(alert, "none", "not a drop of " + metric + "; nothing to adjust", now);
            return;
        }
        boolean widened = jdbc.sql("select count(*) from winback_extra_stage where stage = :s")
                        .param("s", widenTo)
                        .query(Integer.class)
                        .single()
                == 0;
        String reason = "%s fell to %.4f, %.1f%% against its baseline %.4f"
                .formatted(alert.metric(), alert.value(), alert.changeRatio() * 100, alert.baseline());
        String notWidened = "the win-back audience already includes " + widenTo;
        if (widened) {
            long id = record(alert, "widen_winback_audience", reason + "; win-back now also reaches " + widenTo, now);
            jdbc.sql("insert into winback_extra_stage (stage, adjustment_id, added_at) values (:s, :id, :at)")
                    .param("s", widenTo)
                    .param("id", id)
                    .param("at", Timestamp.from(now))
                    .update();
        }
        CouponTemplate template = coupons.template(raiseTemplate);
        String notRaised = whyNotRaised(template);
        if (notRaised == null) {
            BigDecimal from = template.value();
            BigDecimal to = raised(template);
            String why = reason + "; the win-back coupon '" + template.name() + "' now takes " + to + " off instead of "
                    + from + " (at most " + raiseMax + ", budget " + budgetText(template) + ")";
            if (coupons.changeValue(raiseTemplate, to, "strategy:" + alert.ruleId(), why)) {
                record(alert, "raise_coupon_value", why, now);
                return;
            }
            notRaised = "the budget left (" + budgetText(template) + ") does not cover a coupon of " + to;
        }
        if (!widened) {
            record(alert, "none", reason + "; " + notWidened + ", and " + notRaised, now);
        }
    }

    BigDecimal raised(CouponTemplate template) {
        BigDecimal value = template.value() == null ? BigDecimal.ZERO : template.value();
        return value.add(raiseStep).min(raiseMax);
    }

    /** Why the win-back coupon's value cannot go up, or null when it can. */
    @Nullable
    String whyNotRaised(CouponTemplate template) {
        if (template.value() == null) {
            return "the coupon '" + template.name() + "' has no amount to raise";
        }
        BigDecimal to = raised(template);
        if (to.compareTo(template.value()) <= 0) {
            return "the win-back coupon already takes " + template.value() + " off, the most allowed (" + raiseMax
                    + ")";
        }
        if (template.threshold() != null && to.compareTo(template.threshold()) >= 0) {
            return "a coupon of " + to + " would reach its spend threshold " + template.threshold();
        }
        if (template.budget() != null && template.budgetUsed().add(to).compareTo(template.budget()) > 0) {
            return "the budget left (" + budgetText(template) + ") does not cover a coupon of " + to;
        }
        return null;
    }

    private static String budgetText(CouponTemplate template) {
        return template.budget() == null ? "uncapped" : template.budgetUsed() + " of " + template.budget() + " used";
    }

    /** The configured win-back stages plus those added by adjustments. */
    @Transactional(readOnly = true)
    public List<String> winbackStages(List<String> configured) {
        Set<String> stages = new LinkedHashSet<>(configured);
        stages.addAll(jdbc.sql("select stage from winback_extra_stage order by added_at")
                .query(String.class)
                .list());
        return new ArrayList<>(stages);
    }

    @Transactional(readOnly = true)
    public List<Adjustment> adjustments() {
        return jdbc.sql("""
                        select id, rule_id, metric, value, baseline, change_ratio, action, reason, at
                          from strategy_adjustment order by at desc, id desc limit 200
                        """)
                .query((rs, i) -> new Adjustment(
                        rs.getLong("id"),
                        rs.getString("rule_id"),
                        rs.getString("metric"),
                        rs.getDouble("value"),
                        rs.getDouble("baseline"),
                        rs.getDouble("change_ratio"),
                        rs.getString("action"),
                        rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private long record(MetricAlertRaised alert, String action, String reason, Instant at) {
        return jdbc.sql("""
                        insert into strategy_adjustment (rule_id, metric, value, baseline, change_ratio, action,
                                                         reason, at)
                        values (:rule, :metric, :value, :baseline, :change, :action, :reason, :at)
                        returning id
                        """)
                .param("rule", alert.ruleId() == null ? "" : alert.ruleId())
                .param("metric", alert.metric() == null ? "" : alert.metric())
                .param("value", alert.value())
                .param("baseline", alert.baseline())
                .param("change", alert.changeRatio())
                .param("action", action)
                .param("reason", reason)
                .param("at", Timestamp.from(at))
                .query(Long.class)
                .single();
    }
}
