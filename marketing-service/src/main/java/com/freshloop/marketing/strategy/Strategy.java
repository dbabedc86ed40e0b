package com.freshloop.marketing.strategy;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The adjustable part of the marketing strategy. A drop of the repurchase rate (a {@code metric.alert_raised}
 * for the configured metric with a negative change) widens the win-back audience by one more lifecycle
 * stage ({@code at_risk} by default) — reaching shoppers before they fall silent — at most once; every alert
 * handled is recorded with the action taken and the reason, including "no change".
 */
@Service
public class Strategy {

    static final String CONSUMER = "marketing-service.strategy";

    private final JdbcClient jdbc;
    private final ProcessedEvents processed;
    private final Clock clock;
    private final String metric;
    private final String widenTo;

    Strategy(
            JdbcClient jdbc,
            ProcessedEvents processed,
            Clock clock,
            @Value("${freshloop.marketing.strategy.metric:repurchase_rate_30d}") String metric,
            @Value("${freshloop.marketing.strategy.widen-to:at_risk}") String widenTo) {
        this.jdbc = jdbc;
        this.processed = processed;
        this.clock = clock;
        this.metric = metric;
        this.widenTo = widenTo;
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
        if (!widened) {
            record(alert, "none", reason + "; the win-back audience already includes " + widenTo, now);
            return;
        }
        long id = record(alert, "widen_winback_audience", reason + "; win-back now also reaches " + widenTo, now);
        jdbc.sql("insert into winback_extra_stage (stage, adjustment_id, added_at) values (:s, :id, :at)")
                .param("s", widenTo)
                .param("id", id)
                .param("at", Timestamp.from(now))
                .update();
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
