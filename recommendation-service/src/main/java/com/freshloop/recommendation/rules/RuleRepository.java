package com.freshloop.recommendation.rules;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
class RuleRepository {

    private final JdbcClient jdbc;

    RuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(RuleDraft draft, Instant now) {
        return jdbc.sql("""
                        insert into scenario_rule (name, kind, start_hour, end_hour, weather, lifecycle, context, skus,
                                                   reason, priority, enabled, created_at, updated_at)
                        values (:name, :kind, :start, :end, :weather, :lifecycle, :context, :skus,
                                :reason, :priority, :enabled, :now, :now)
                        returning id
                        """)
                .params(params(draft))
                .param("skus", new SqlArrayValue("varchar", skus(draft).toArray()))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    boolean update(long id, RuleDraft draft, Instant now) {
        return jdbc.sql("""
                        update scenario_rule
                           set name = :name, kind = :kind, start_hour = :start, end_hour = :end, weather = :weather,
                               lifecycle = :lifecycle, context = :context, skus = :skus, reason = :reason,
                               priority = :priority, enabled = :enabled, updated_at = :now
                         where id = :id
                        """)
                        .params(params(draft))
                        .param("skus", new SqlArrayValue("varchar", skus(draft).toArray()))
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    boolean delete(long id) {
        return jdbc.sql("delete from scenario_rule where id = :id")
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<ScenarioRule> find(long id) {
        return jdbc.sql("select * from scenario_rule where id = :id")
                .param("id", id)
                .query((rs, i) -> rule(rs))
                .optional();
    }

    List<ScenarioRule> all() {
        return jdbc.sql("select * from scenario_rule order by priority desc, id")
                .query((rs, i) -> rule(rs))
                .list();
    }

    private static Map<String, Object> params(RuleDraft draft) {
        Map<String, Object> params = new HashMap<>();
        params.put("name", draft.name());
        params.put("kind", draft.kind());
        params.put("start", draft.startHour());
        params.put("end", draft.endHour());
        params.put("weather", draft.weather());
        params.put("lifecycle", draft.lifecycle());
        params.put("context", draft.context() == null ? "home" : draft.context());
        params.put("reason", draft.reason());
        params.put("priority", draft.priority() == null ? 0 : draft.priority());
        params.put("enabled", draft.enabled() == null || draft.enabled());
        return params;
    }

    private static List<String> skus(RuleDraft draft) {
        return draft.skus() == null ? List.of() : draft.skus();
    }

    private static ScenarioRule rule(ResultSet rs) throws SQLException {
        return new ScenarioRule(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("kind"),
                (Integer) rs.getObject("start_hour"),
                (Integer) rs.getObject("end_hour"),
                rs.getString("weather"),
                rs.getString("lifecycle"),
                rs.getString("context"),
                List.of((String[]) rs.getArray("skus").getArray()),
                rs.getString("reason"),
                rs.getInt("priority"),
                rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
