package com.freshloop.supply.fulfilment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DeliveryRepository {

    private final JdbcClient jdbc;

    DeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(String orderId, String userId, String region, Instant placedAt, Instant promisedAt) {
        return jdbc.sql("""
                        insert into delivery (order_id, user_id, region, placed_at, promised_at)
                        values (:orderId, :userId, :region, :placedAt, :promisedAt)
                        on conflict (order_id) do nothing
                        """)
                        .param("orderId", orderId)
                        .param("userId", userId)
                        .param("region", region)
                        .param("placedAt", Timestamp.from(placedAt))
                        .param("promisedAt", Timestamp.from(promisedAt))
                        .update()
                == 1;
    }

    Optional<Delivery> lock(String orderId) {
        return jdbc.sql("select * from delivery where order_id = :orderId for update")
                .param("orderId", orderId)
                .query(DeliveryRepository::map)
                .optional();
    }

    Optional<Delivery> find(String orderId) {
        return jdbc.sql("select * from delivery where order_id = :orderId")
                .param("orderId", orderId)
                .query(DeliveryRepository::map)
                .optional();
    }

    void position(String orderId, String riderId, double lat, double lon, Instant eta, Instant at) {
        jdbc.sql("""
                        update delivery set rider_id = :riderId, rider_lat = :lat, rider_lon = :lon,
                               eta = :eta, position_at = :at where order_id = :orderId
                        """)
                .param("orderId", orderId)
                .param("riderId", riderId)
                .param("lat", lat)
                .param("lon", lon)
                .param("eta", Timestamp.from(eta))
                .param("at", Timestamp.from(at))
                .update();
    }

    void delivered(String orderId, Instant at) {
        jdbc.sql("update delivery set delivered_at = :at where order_id = :orderId")
                .param("orderId", orderId)
                .param("at", Timestamp.from(at))
                .update();
    }

    void compensated(String orderId) {
        jdbc.sql("update delivery set compensated = true where order_id = :orderId")
                .param("orderId", orderId)
                .update();
    }

    private static Delivery map(ResultSet rs, int row) throws SQLException {
        return new Delivery(
                rs.getString("order_id"),
                rs.getString("user_id"),
                rs.getString("region"),
                rs.getTimestamp("placed_at").toInstant(),
                rs.getTimestamp("promised_at").toInstant(),
                rs.getString("rider_id"),
                (Double) rs.getObject("rider_lat"),
                (Double) rs.getObject("rider_lon"),
                instant(rs.getTimestamp("eta")),
                instant(rs.getTimestamp("delivered_at")),
                rs.getBoolean("compensated"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
