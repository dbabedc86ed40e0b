package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RedemptionRepository {

    /** A coupon with what its template gives. */
    record RedeemableCoupon(
            UUID id,
            String userId,
            @Nullable String campaignId,
            String status,
            Instant expiresAt,
            Kind kind,
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal value) {}

    private final JdbcClient jdbc;

    RedemptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RedeemableCoupon> coupon(UUID id) {
        return jdbc.sql("""
                        select c.id, c.user_id, c.campaign_id, c.status, c.expires_at, t.kind, t.threshold,
                               coalesce(c.face_value, t.value) as value
                          from coupon c join coupon_template t on t.id = c.template_id
                         where c.id = :id
                        """)
                .param("id", id)
                .query((rs, i) -> new RedeemableCoupon(
                        rs.getObject("id", UUID.class),
                        rs.getString("user_id"),
                        rs.getString("campaign_id"),
                        rs.getString("status"),
                        rs.getTimestamp("expires_at").toInstant(),
                        Kind.of(rs.getString("kind")).orElseThrow(),
                        rs.getBigDecimal("threshold"),
                        rs.getBigDecimal("value")))
                .optional();
    }

    /**
     * Moves the coupon from available to redeemed. One conditional statement: of any number of racing or
     * replayed redemptions exactly one sees the coupon available, the others update nothing.
     */
    boolean markRedeemed(UUID couponId, String userId, String orderId, Instant now) {
        return jdbc.sql("""
                        update coupon set status = 'redeemed', redeemed_order_id = :order, redeemed_at = :now
                         where id = :id and user_id = :user and status = 'available' and expires_at > :now
                        """)
                        .param("id", couponId)
                        .param("user", userId)
                        .param("order", orderId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void insertRedemption(Redemption r, List<OrderLine> lines) {
        jdbc.sql("""
                        insert into coupon_redemption (coupon_id, order_id, user_id, discount, redeemed_at)
                        values (:coupon, :order, :user, :discount, :at)
                        """)
                .param("coupon", r.couponId())
                .param("order", r.orderId())
                .param("user", r.userId())
                .param("discount", r.discount())
                .param("at", Timestamp.from(r.redeemedAt()))
                .update();
        for (OrderLine line : lines) {
            jdbc.sql("""
                            insert into redemption_line (coupon_id, order_id, sku, ordered) values (:coupon, :order, :sku, :q)
                            on conflict (coupon_id, order_id, sku) do update set ordered = redemption_line.ordered + :q
                            """)
                    .param("coupon", r.couponId())
                    .param("order", r.orderId())
                    .param("sku", line.sku())
                    .param("q", line.quantity())
                    .update();
        }
    }

    /** Counts returned units against the redeeming order's lines; returns the coupons the order redeemed. */
    List<UUID> recordReturn(String orderId, String sku, int quantity) {
        jdbc.sql("""
                        update redemption_line set returned = least(ordered, returned + :q)
                         where order_id = :order and sku = :sku
                        """)
                .param("order", orderId)
                .param("sku", sku)
                .param("q", quantity)
                .update();
        return jdbc.sql("select coupon_id from coupon_redemption where order_id = :order and restored_at is null")
                .param("order", orderId)
                .query(UUID.class)
                .list();
    }

    /** Whether every line of the order that redeemed the coupon came back in full. */
    boolean wholeOrderReturned(UUID couponId, String orderId) {
        return jdbc.sql("""
                        select count(*) > 0 and bool_and(returned >= ordered)
                          from redemption_line where coupon_id = :coupon and order_id = :order
                        """)
                .param("coupon", couponId)
                .param("order", orderId)
                .query(Boolean.class)
                .single();
    }

    /** Gives the coupon back if it was redeemed by this order and is still valid. */
    boolean restore(UUID couponId, String orderId, Instant now) {
        boolean restored = jdbc.sql("""
                                update coupon set status = 'available', redeemed_order_id = null, redeemed_at = null
                                 where id = :id and status = 'redeemed' and redeemed_order_id = :order
                                   and expires_at > :now
                                """)
                        .param("id", couponId)
                        .param("order", orderId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
        if (restored) {
            jdbc.sql("update coupon_redemption set restored_at = :now where coupon_id = :id and order_id = :order")
                    .param("id", couponId)
                    .param("order", orderId)
                    .param("now", Timestamp.from(now))
                    .update();
        }
        return restored;
    }
}
