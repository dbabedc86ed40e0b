package com.freshloop.metrics.alerts;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * Each rule's state ({@code alert_state}) and the alerts raised ({@code alerts_raised}), both
 * ReplacingMergeTree tables read with {@code FINAL}.
 */
@Component
class AlertStates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final AtomicLong LAST_VERSION = new AtomicLong();

    /**
     * @param breaching whether the rule's last evaluation breached it
     * @param eventId the alert of the current breach ({@code ""} when not breaching)
     * @param published whether Kafka acknowledged that alert
     */
    record State(
            String ruleId,
            long ruleVersion,
            boolean breaching,
            String eventId,
            boolean published,
            Instant since,
            double value,
            double baseline) {}

    record StateRow(
            @JsonProperty("rule_id") String ruleId,
            @JsonProperty("rule_version") long ruleVersion,
            int breaching,
            @JsonProperty("event_id") String eventId,
            int published,
            String since,
            @JsonProperty("evaluated_at") String evaluatedAt,
            double value,
            double baseline,
            long version) {}

    record RaisedRow(
            @JsonProperty("event_id") String eventId,
            @JsonProperty("rule_id") String ruleId,
            String metric,
            double value,
            double baseline,
            @JsonProperty("change_ratio") double changeRatio,
            @JsonProperty("window_from") String windowFrom,
            @JsonProperty("window_to") String windowTo,
            @JsonProperty("raised_at") String raisedAt) {

        RaisedAlert alert() {
            return new RaisedAlert(
                    UUID.fromString(eventId),
                    ruleId,
                    AlertMetric.parse(metric).orElseThrow(),
                    value,
                    baseline,
                    changeRatio,
                    instant(windowFrom),
                    instant(windowTo),
                    instant(raisedAt));
        }
    }

    private final ClickHouseTemplate clickHouse;

    AlertStates(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    Optional<State> find(String ruleId) {
        return clickHouse
                .query("SELECT * FROM alert_state FINAL WHERE rule_id = " + Sql.string(ruleId), StateRow.class)
                .stream()
                .findFirst()
                .map(r -> new State(
                        r.ruleId(),
                        r.ruleVersion(),
                        r.breaching() == 1,
                        r.eventId(),
                        r.published() == 1,
                        instant(r.since()),
                        r.value(),
                        r.baseline()));
    }

    void save(State state, Instant evaluatedAt) {
        long version = LAST_VERSION.updateAndGet(last -> Math.max(last + 1, evaluatedAt.toEpochMilli()));
        clickHouse.insert(
                "alert_state",
                List.of(new StateRow(
                        state.ruleId(),
                        state.ruleVersion(),
                        state.breaching() ? 1 : 0,
                        state.eventId(),
                        state.published() ? 1 : 0,
                        Sql.dateTimeValue(state.since()),
                        Sql.dateTimeValue(evaluatedAt),
                        state.value(),
                        state.baseline(),
                        version)));
    }

    void raised(RaisedAlert alert) {
        clickHouse.insert(
                "alerts_raised",
                List.of(new RaisedRow(
                        alert.eventId().toString(),
                        alert.ruleId(),
                        alert.metric().param(),
                        alert.value(),
                        alert.baseline(),
                        alert.changeRatio(),
                        Sql.dateTimeValue(alert.windowFrom()),
                        Sql.dateTimeValue(alert.windowTo()),
                        Sql.dateTimeValue(alert.raisedAt()))));
    }

    /** Alerts raised in the range, newest first. */
    List<RaisedAlert> raised(Instant from, Instant to) {
        return clickHouse
                .query(
                        "SELECT * FROM alerts_raised FINAL WHERE raised_at >= " + Sql.dateTime(from)
                                + " AND raised_at < " + Sql.dateTime(to) + " ORDER BY raised_at DESC, event_id",
                        RaisedRow.class)
                .stream()
                .map(RaisedRow::alert)
                .toList();
    }

    Optional<RaisedAlert> raised(String eventId) {
        return clickHouse
                .query("SELECT * FROM alerts_raised FINAL WHERE event_id = " + Sql.string(eventId), RaisedRow.class)
                .stream()
                .findFirst()
                .map(RaisedRow::alert);
    }

    private static Instant instant(String dateTime) {
        return LocalDateTime.parse(dateTime, DATE_TIME).toInstant(ZoneOffset.UTC);
    }
}
