package com.freshloop.marketing.audience;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AudienceRepository {

    private final JdbcClient jdbc;

    AudienceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sets one column of the shopper's row; {@code column} is one of ours, never input. */
    void set(String userId, String column, @Nullable Object value, Instant at) {
        jdbc.sql("insert into shopper (user_id, " + column + ", updated_at) values (:user, :value, :at)"
                        + " on conflict (user_id) do update set " + column + " = excluded." + column
                        + ", updated_at = excluded.updated_at")
                .param("user", userId)
                .param("value", value)
                .param("at", Timestamp.from(at))
                .update();
    }

    void countOrderLine(String userId, String sku, int units, Instant at) {
        jdbc.sql("""
                        insert into shopper_sku (user_id, sku, orders, units, last_order_at)
                        values (:user, :sku, 1, :units, :at)
                        on conflict (user_id, sku) do update
                           set orders = shopper_sku.orders + 1, units = shopper_sku.units + excluded.units,
                               last_order_at = greatest(shopper_sku.last_order_at, excluded.last_order_at)
                        """)
                .param("user", userId)
                .param("sku", sku)
                .param("units", units)
                .param("at", Timestamp.from(at))
                .update();
    }

    void tag(String userId, String tag, Instant at) {
        jdbc.sql("insert into shopper (user_id, updated_at) values (:user, :at) on conflict (user_id) do nothing")
                .param("user", userId)
                .param("at", Timestamp.from(at))
                .update();
        jdbc.sql("""
                        insert into shopper_tag (user_id, tag, at) values (:user, :tag, :at)
                        on conflict (user_id, tag) do update set at = excluded.at
                        """)
                .param("user", userId)
                .param("tag", tag)
                .param("at", Timestamp.from(at))
                .update();
    }

    void untag(String userId, String tag) {
        jdbc.sql("delete from shopper_tag where user_id = :user and tag = :tag")
                .param("user", userId)
                .param("tag", tag)
                .update();
    }

    /** The shoppers the rule matches; the SQL is built from fixed fragments, values are parameters. */
    List<String> members(AudienceRule rule) {
        var sql = new StringBuilder("select s.user_id from shopper s where true");
        if (!rule.lifecycleStages().isEmpty()) {
            sql.append(" and s.lifecycle_stage in (:stages)");
        }
        if (!rule.segments().isEmpty()) {
            sql.append(" and s.segment in (:segments)");
        }
        if (!rule.tags().isEmpty()) {
            sql.append(" and exists (select 1 from shopper_tag t where t.user_id = s.user_id and t.tag in (:tags))");
        }
        sql.append(" order by s.user_id");
        var spec = jdbc.sql(sql.toString());
        if (!rule.lifecycleStages().isEmpty()) {
            spec = spec.param("stages", rule.lifecycleStages());
        }
        if (!rule.segments().isEmpty()) {
            spec = spec.param("segments", rule.segments());
        }
        if (!rule.tags().isEmpty()) {
            spec = spec.param("tags", rule.tags());
        }
        return spec.query(String.class).list();
    }

    Optional<Integer> activeHour(String userId) {
        return jdbc.sql("select active_hour from shopper where user_id = :user and active_hour is not null")
                .param("user", userId)
                .query(Integer.class)
                .optional();
    }
}
