package com.freshloop.metrics.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Appends what an operator did; ClickHouse has no transactions, so entries are written after the change. */
@Component
public class AuditLog {

    static final String TABLE = "audit_log";

    /**
     * @param at when
     * @param actor the operator (token subject)
     * @param action e.g. {@code alert_rule.created}
     * @param target what it was done to, e.g. the rule id
     * @param details JSON of the change
     */
    public record Entry(Instant at, String actor, String action, String target, String details) {}

    record Row(
            @JsonProperty("entry_id") UUID entryId,
            String at,
            String actor,
            String action,
            String target,
            String details) {}

    record Stored(long atSeconds, String actor, String action, String target, String details) {}

    private final ClickHouseTemplate clickHouse;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();

    public AuditLog(ClickHouseTemplate clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public void record(String actor, String action, String target, @Nullable Object details) {
        clickHouse.insert(
                TABLE,
                List.of(new Row(
                        UUID.randomUUID(),
                        Sql.dateTimeValue(clock.instant()),
                        actor,
                        action,
                        target,
                        details == null ? "{}" : json.writeValueAsString(details))));
    }

    /** The latest entries, newest first, optionally about one target. */
    public List<Entry> latest(@Nullable String target, int limit) {
        String where = target == null ? "" : " WHERE target = " + Sql.string(target);
        return clickHouse
                .query(
                        "SELECT toUnixTimestamp(at) AS atSeconds, actor, action, target, details FROM " + TABLE + where
                                + " ORDER BY at DESC, entry_id LIMIT " + limit,
                        Stored.class)
                .stream()
                .map(s ->
                        new Entry(Instant.ofEpochSecond(s.atSeconds()), s.actor(), s.action(), s.target(), s.details()))
                .toList();
    }
}
