package com.freshloop.profile.profiles;

import com.freshloop.profile.rfm.RfmModel;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProfileRepository {

    private static final String AGGREGATE = """
            select user_id,
                   max(placed_at) as last_order_at,
                   count(*) as total_orders,
                   count(*) filter (where placed_at >= :from) as orders_w,
                   coalesce(sum(total) filter (where placed_at >= :from), 0) as spend_w,
                   coalesce(sum(units) filter (where placed_at >= :from), 0) as units_w,
                   coalesce(sum(fresh_units) filter (where placed_at >= :from), 0) as fresh_w,
                   count(*) filter (where placed_at >= :from and coupon_used) as coupon_w,
                   mode() within group (order by hour_of_day) as preferred_hour
              from user_order
            """;

    private final JdbcClient jdbc;

    ProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an order once; false if it was already known. */
    boolean insertOrder(
            String orderId,
            String userId,
            Instant placedAt,
            BigDecimal total,
            int units,
            int freshUnits,
            boolean couponUsed,
            int hour) {
        return jdbc.sql("""
                        insert into user_order (order_id, user_id, placed_at, total, units, fresh_units, coupon_used, hour_of_day)
                        values (:order, :user, :at, :total, :units, :fresh, :coupon, :hour)
                        on conflict (order_id) do nothing
                        """)
                        .param("order", orderId)
                        .param("user", userId)
                        .param("at", Timestamp.from(placedAt))
                        .param("total", total)
                        .param("units", units)
                        .param("fresh", freshUnits)
                        .param("coupon", couponUsed)
                        .param("hour", hour)
                        .update()
                == 1;
    }

    void ensureProfile(String userId) {
        jdbc.sql("insert into user_profile (user_id) values (:user) on conflict do nothing")
                .param("user", userId)
                .update();
    }

    Optional<UserAggregate> aggregate(String userId, Instant windowStart) {
        return jdbc.sql(AGGREGATE + " where user_id = :user group by user_id")
                .param("from", Timestamp.from(windowStart))
                .param("user", userId)
                .query(ProfileRepository::aggregate)
                .optional();
    }

    void forEachAggregate(Instant windowStart, Consumer<UserAggregate> consumer) {
        jdbc.sql(AGGREGATE + " group by user_id")
                .param("from", Timestamp.from(windowStart))
                .withFetchSize(5_000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(aggregate(rs, 0)));
    }

    private static UserAggregate aggregate(ResultSet rs, int row) throws SQLException {
        Timestamp last = rs.getTimestamp("last_order_at");
        int hour = rs.getInt("preferred_hour");
        return new UserAggregate(
                rs.getString("user_id"),
                last == null ? null : last.toInstant(),
                rs.getLong("total_orders"),
                rs.getLong("orders_w"),
                rs.getDouble("spend_w"),
                rs.getLong("units_w"),
                rs.getLong("fresh_w"),
                rs.getLong("coupon_w"),
                rs.wasNull() ? -1 : hour);
    }

    Optional<StoredProfile> find(String userId) {
        return jdbc.sql("""
                        select user_id, first_order_at, last_order_at, orders, r_score, f_score, m_score, segment,
                               lifecycle, cluster, cluster_name, cluster_model
                          from user_profile where user_id = :user
                        """)
                .param("user", userId)
                .query(ProfileRepository::stored)
                .optional();
    }

    void saveOrderSummary(String userId, Instant placedAt) {
        jdbc.sql("""
                        update user_profile
                           set orders = orders + 1,
                               first_order_at = least(coalesce(first_order_at, :at), :at),
                               last_order_at = greatest(coalesce(last_order_at, :at), :at),
                               updated_at = now()
                         where user_id = :user
                        """)
                .param("user", userId)
                .param("at", Timestamp.from(placedAt))
                .update();
    }

    void saveScores(String userId, RfmModel.Scores scores, String segment, String lifecycle) {
        jdbc.sql("""
                        update user_profile
                           set r_score = :r, f_score = :f, m_score = :m, segment = :segment, lifecycle = :lifecycle,
                               updated_at = now()
                         where user_id = :user
                        """)
                .param("user", userId)
                .param("r", scores == null ? null : scores.r())
                .param("f", scores == null ? null : scores.f())
                .param("m", scores == null ? null : scores.m())
                .param("segment", segment)
                .param("lifecycle", lifecycle)
                .update();
    }

    void saveCluster(String userId, int cluster, String name, String modelVersion) {
        jdbc.sql("""
                        update user_profile set cluster = :cluster, cluster_name = :name, cluster_model = :model,
                               updated_at = now()
                         where user_id = :user
                        """)
                .param("user", userId)
                .param("cluster", cluster)
                .param("name", name)
                .param("model", modelVersion)
                .update();
    }

    Optional<RfmModel> latestRfmModel() {
        return jdbc.sql("""
                        select version, window_days, recency_cuts, frequency_cuts, monetary_cuts
                          from rfm_model order by version desc limit 1
                        """)
                .query((rs, i) -> new RfmModel(
                        rs.getTimestamp("version").toInstant(),
                        rs.getInt("window_days"),
                        doubles(rs.getArray("recency_cuts")),
                        doubles(rs.getArray("frequency_cuts")),
                        doubles(rs.getArray("monetary_cuts"))))
                .optional();
    }

    void saveRfmModel(RfmModel model, int users) {
        jdbc.sql("""
                        insert into rfm_model (version, window_days, recency_cuts, frequency_cuts, monetary_cuts, users)
                        values (:version, :window, :r, :f, :m, :users)
                        """)
                .param("version", Timestamp.from(model.version()))
                .param("window", model.windowDays())
                .param("r", boxed(model.recencyCuts()))
                .param("f", boxed(model.frequencyCuts()))
                .param("m", boxed(model.monetaryCuts()))
                .param("users", users)
                .update();
    }

    void audit(String actor, String action, String target, String detail) {
        jdbc.sql("insert into audit_log (actor, action, target, detail) values (:actor, :action, :target, :detail)")
                .param("actor", actor)
                .param("action", action)
                .param("target", target)
                .param("detail", detail)
                .update();
    }

    /** A page of user ids matching every given filter (null = any). */
    List<String> query(
            String segment, Integer cluster, String lifecycle, List<String> tags, Instant now, int limit, long offset) {
        StringBuilder sql = new StringBuilder("select p.user_id from user_profile p where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (segment != null) {
            sql.append(" and p.segment = ?");
            params.add(segment);
        }
        if (cluster != null) {
            sql.append(" and p.cluster = ?");
            params.add(cluster);
        }
        if (lifecycle != null) {
            sql.append(" and p.lifecycle = ?");
            params.add(lifecycle);
        }
        for (String tag : tags) {
            sql.append(
                    " and exists (select 1 from user_tag t where t.user_id = p.user_id and t.tag = ? and t.expires_at > ?)");
            params.add(tag);
            params.add(Timestamp.from(now));
        }
        sql.append(" order by p.user_id limit ? offset ?");
        params.add(limit);
        params.add(offset);
        return jdbc.sql(sql.toString()).params(params).query(String.class).list();
    }

    List<Object[]> countBy(String column) {
        if (!List.of("segment", "lifecycle", "cluster_name").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        return jdbc.sql("select " + column + ", count(*) from user_profile group by " + column + " order by 2 desc")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getLong(2)})
                .list();
    }

    private static StoredProfile stored(ResultSet rs, int row) throws SQLException {
        Timestamp first = rs.getTimestamp("first_order_at");
        Timestamp last = rs.getTimestamp("last_order_at");
        Integer r = (Integer) rs.getObject("r_score", Integer.class);
        Integer cluster = (Integer) rs.getObject("cluster", Integer.class);
        return new StoredProfile(
                rs.getString("user_id"),
                first == null ? null : first.toInstant(),
                last == null ? null : last.toInstant(),
                rs.getInt("orders"),
                r == null ? null : new RfmModel.Scores(r, rs.getInt("f_score"), rs.getInt("m_score")),
                rs.getString("segment"),
                rs.getString("lifecycle"),
                cluster,
                rs.getString("cluster_name"),
                rs.getString("cluster_model"));
    }

    private static double[] doubles(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).doubleValue();
        }
        return result;
    }

    private static Double[] boxed(double[] values) {
        Double[] boxed = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return boxed;
    }
}
