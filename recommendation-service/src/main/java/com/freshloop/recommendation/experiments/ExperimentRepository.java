package com.freshloop.recommendation.experiments;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ExperimentRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Experiment.Variant>> VARIANTS = new TypeReference<>() {};

    /** Totals of one variant. */
    record VariantTotals(
            String variant,
            long users,
            long exposures,
            long clickers,
            long converters,
            long orders,
            BigDecimal revenue) {}

    private final JdbcClient jdbc;

    ExperimentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String key, String name, List<Experiment.Variant> variants, Instant now) {
        return jdbc.sql("insert into experiment (key, name, status, variants, created_at)"
                        + " values (:key, :name, 'draft', cast(:variants as jsonb), :now) returning id")
                .param("key", key)
                .param("name", name)
                .param("variants", JSON.writeValueAsString(variants))
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    boolean keyExists(String key) {
        return jdbc.sql("select count(*) from experiment where key = :key")
                        .param("key", key)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean transition(long id, String from, String to, Instant now) {
        String column = Experiment.RUNNING.equals(to) ? "started_at" : "stopped_at";
        return jdbc.sql("update experiment set status = :to, " + column + " = :now where id = :id and status = :from")
                        .param("to", to)
                        .param("from", from)
                        .param("now", Timestamp.from(now))
                        .param("id", id)
                        .update()
                == 1;
    }

    Optional<Experiment> find(long id) {
        return jdbc.sql("select * from experiment where id = :id")
                .param("id", id)
                .query((rs, i) -> experiment(rs))
                .optional();
    }

    List<Experiment> all() {
        return jdbc.sql("select * from experiment order by id")
                .query((rs, i) -> experiment(rs))
                .list();
    }

    List<Experiment> withStatus(String status) {
        return jdbc.sql("select * from experiment where status = :status order by id")
                .param("status", status)
                .query((rs, i) -> experiment(rs))
                .list();
    }

    void recordExposure(long experimentId, String userId, String variant, Instant at) {
        jdbc.sql("""
                        insert into experiment_user (experiment_id, user_id, variant, exposures, first_exposed_at)
                        values (:experiment, :user, :variant, 1, :at)
                        on conflict (experiment_id, user_id) do update
                           set exposures = experiment_user.exposures + 1,
                               first_exposed_at = least(experiment_user.first_exposed_at, excluded.first_exposed_at)
                        """)
                .param("experiment", experimentId)
                .param("user", userId)
                .param("variant", variant)
                .param("at", Timestamp.from(at))
                .update();
    }

    void recordClick(String experimentKey, String userId) {
        jdbc.sql("""
                        update experiment_user set clicks = clicks + 1
                         where user_id = :user and experiment_id = (select id from experiment where key = :key)
                        """).param("user", userId).param("key", experimentKey).update();
    }

    /** Counts an order for every experiment the shopper had been exposed to before it. */
    void recordOrder(String userId, @Nullable BigDecimal total, Instant at) {
        jdbc.sql("""
                        update experiment_user set orders = orders + 1, revenue = revenue + :total
                         where user_id = :user and first_exposed_at <= :at
                        """)
                .param("user", userId)
                .param("total", total == null ? BigDecimal.ZERO : total)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<VariantTotals> totals(long experimentId) {
        return jdbc.sql("""
                        select variant, count(*) as users, sum(exposures) as exposures,
                               count(*) filter (where clicks > 0) as clickers,
                               count(*) filter (where orders > 0) as converters,
                               sum(orders) as orders, sum(revenue) as revenue
                          from experiment_user where experiment_id = :id group by variant
                        """)
                .param("id", experimentId)
                .query((rs, i) -> new VariantTotals(
                        rs.getString("variant"),
                        rs.getLong("users"),
                        rs.getLong("exposures"),
                        rs.getLong("clickers"),
                        rs.getLong("converters"),
                        rs.getLong("orders"),
                        rs.getBigDecimal("revenue")))
                .list();
    }

    private static Experiment experiment(ResultSet rs) throws SQLException {
        return new Experiment(
                rs.getLong("id"),
                rs.getString("key"),
                rs.getString("name"),
                rs.getString("status"),
                JSON.readValue(rs.getString("variants"), VARIANTS),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("stopped_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
