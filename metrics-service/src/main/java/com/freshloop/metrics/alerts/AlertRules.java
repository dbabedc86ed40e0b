package com.freshloop.metrics.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.freshloop.metrics.audit.AuditLog;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The rules, in ClickHouse's {@code alert_rules}: each change is a new row with a higher version and
 * readers take the latest row per rule ({@code FINAL}); a deletion is a tombstone row. Every change
 * is audited.
 */
@Component
public class AlertRules {

    static final String TABLE = "alert_rules";

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** A rule that does not exist (or was deleted). */
    public static class UnknownRuleException extends RuntimeException {
        public UnknownRuleException(String id) {
            super("no alert rule " + id);
        }
    }

    record Row(
            @JsonProperty("rule_id") String ruleId,
            String metric,
            String comparison,
            double threshold,
            @JsonProperty("window_days") int windowDays,
            @JsonProperty("baseline_days") int baselineDays,
            @JsonProperty("lag_days") int lagDays,
            int enabled,
            int deleted,
            String description,
            long version,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("updated_by") String updatedBy) {

        AlertRule rule() {
            return new AlertRule(
                    ruleId,
                    new RuleSpec(
                            AlertMetric.parse(metric).orElseThrow(),
                            Comparison.parse(comparison).orElseThrow(),
                            threshold,
                            windowDays,
                            baselineDays,
                            lagDays,
                            enabled == 1,
                            description),
                    version,
                    instant(createdAt),
                    instant(updatedAt),
                    updatedBy);
        }
    }

    // versions must grow even for two changes within one millisecond
    private static final AtomicLong LAST_VERSION = new AtomicLong();

    private final ClickHouseTemplate clickHouse;
    private final AuditLog audit;
    private final Clock clock;

    public AlertRules(ClickHouseTemplate clickHouse, AuditLog audit, Clock clock) {
        this.clickHouse = clickHouse;
        this.audit = audit;
        this.clock = clock;
    }

    public AlertRule create(RuleSpec spec, String actor) {
        Instant now = clock.instant();
        AlertRule rule = new AlertRule(UUID.randomUUID().toString(), spec, nextVersion(), now, now, actor);
        write(rule, false);
        audit.record(actor, "alert_rule.created", rule.id(), spec);
        return rule;
    }

    public AlertRule update(String id, RuleSpec spec, String actor) {
        AlertRule current = find(id).orElseThrow(() -> new UnknownRuleException(id));
        AlertRule rule = new AlertRule(id, spec, nextVersion(), current.createdAt(), clock.instant(), actor);
        write(rule, false);
        audit.record(actor, "alert_rule.updated", id, Map.of("before", current.spec(), "after", spec));
        return rule;
    }

    public void delete(String id, String actor) {
        AlertRule current = find(id).orElseThrow(() -> new UnknownRuleException(id));
        write(new AlertRule(id, current.spec(), nextVersion(), current.createdAt(), clock.instant(), actor), true);
        audit.record(actor, "alert_rule.deleted", id, current.spec());
    }

    public Optional<AlertRule> find(String id) {
        return select(" AND rule_id = " + Sql.string(id)).stream().findFirst();
    }

    /** Every rule that is not deleted, oldest first. */
    public List<AlertRule> all() {
        return select("");
    }

    private List<AlertRule> select(String condition) {
        return clickHouse
                .query(
                        "SELECT * FROM " + TABLE + " FINAL WHERE deleted = 0" + condition
                                + " ORDER BY created_at, rule_id",
                        Row.class)
                .stream()
                .map(Row::rule)
                .toList();
    }

    private void write(AlertRule rule, boolean deleted) {
        RuleSpec spec = rule.spec();
        clickHouse.insert(
                TABLE,
                List.of(new Row(
                        rule.id(),
                        spec.metric().param(),
                        spec.comparison().param(),
                        spec.threshold(),
                        spec.windowDays(),
                        spec.baselineDays(),
                        spec.lagDays(),
                        spec.enabled() ? 1 : 0,
                        deleted ? 1 : 0,
                        spec.description(),
                        rule.version(),
                        Sql.dateTimeValue(rule.createdAt()),
                        Sql.dateTimeValue(rule.updatedAt()),
                        rule.updatedBy())));
    }

    private long nextVersion() {
        long now = clock.millis();
        return LAST_VERSION.updateAndGet(last -> Math.max(last + 1, now));
    }

    private static Instant instant(String dateTime) {
        return LocalDateTime.parse(dateTime, DATE_TIME).toInstant(ZoneOffset.UTC);
    }
}
