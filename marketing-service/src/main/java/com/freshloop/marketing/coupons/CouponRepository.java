package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CouponRepository {

    private static final String TEMPLATE_COLUMNS = """
            id, name, kind, threshold, value, gift_sku, valid_days, total_stock, per_user_limit, issued,
            budget, budget_used, created_by, created_at""";

    private final JdbcClient jdbc;

    CouponRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertTemplate(CouponTemplate t) {
        jdbc.sql("""
                        insert into coupon_template (id, name, kind, threshold, value, gift_sku, valid_days,
                                                     total_stock, per_user_limit, issued, budget, created_by, created_at)
                        values (:id, :name, :kind, :threshold, :value, :giftSku, :validDays,
                                :totalStock, :perUserLimit, 0, :budget, :createdBy, :createdAt)
                        """)
                .param("id", t.id())
                .param("name", t.name())
                .param("kind", t.kind().wire())
                .param("threshold", t.threshold())
                .param("value", t.value())
                .param("giftSku", t.giftSku())
                .param("validDays", t.validDays())
                .param("totalStock", t.totalStock())
                .param("perUserLimit", t.perUserLimit())
                .param("budget", t.budget())
                .param("createdBy", t.createdBy())
                .param("createdAt", Timestamp.from(t.createdAt()))
                .update();
    }

    Optional<CouponTemplate> template(UUID id) {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + " from coupon_template where id = :id")
                .param("id", id)
                .query((rs, i) -> template(rs))
                .optional();
    }

    List<CouponTemplate> templates() {
        return jdbc.sql("select " + TEMPLATE_COLUMNS + " from coupon_template order by created_at desc, id")
                .query((rs, i) -> template(rs))
                .list();
    }

    /** Claims the request id; false when another issue with this request id exists (or just committed). */
    boolean insertCoupon(Coupon c, @Nullable String campaignId, @Nullable BigDecimal faceValue) {
        return jdbc.sql("""
                        insert into coupon (id, template_id, user_id, request_id, status, issued_at, expires_at,
                                            campaign_id, face_value)
                        values (:id, :template, :user, :request, :status, :issuedAt, :expiresAt, :campaign,
                                :faceValue)
                        on conflict (request_id) do nothing
                        """)
                        .param("id", c.id())
                        .param("template", c.templateId())
                        .param("user", c.userId())
                        .param("request", c.requestId())
                        .param("status", c.status())
                        .param("issuedAt", Timestamp.from(c.issuedAt()))
                        .param("expiresAt", Timestamp.from(c.expiresAt()))
                        .param("campaign", campaignId)
                        .param("faceValue", faceValue)
                        .update()
                == 1;
    }

    Optional<Coupon> byRequestId(String requestId, Instant now) {
        return jdbc.sql("""
                        select id, template_id, user_id, request_id, status, issued_at, expires_at
                          from coupon where request_id = :request
                        """)
                .param("request", requestId)
                .query((rs, i) -> new Coupon(
                        rs.getObject("id", UUID.class),
                        rs.getObject("template_id", UUID.class),
                        rs.getString("user_id"),
                        rs.getString("request_id"),
                        status(rs, now),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    /** One more coupon of the template for the user, unless the user already holds {@code limit}. */
    boolean takeUserAllowance(UUID templateId, String userId, int limit) {
        return jdbc.sql("""
                        insert into coupon_holding (template_id, user_id, issued) values (:template, :user, 1)
                        on conflict (template_id, user_id) do update
                           set issued = coupon_holding.issued + 1
                         where coupon_holding.issued < :limit
                        """)
                        .param("template", templateId)
                        .param("user", userId)
                        .param("limit", limit)
                        .update()
                == 1;
    }

    /**
     * One more coupon from the template's stock and, when it has a budget, {@code faceValue} from the budget;
     * a single conditional update, so never over the stock nor over the budget.
     */
    boolean takeStock(UUID templateId, BigDecimal faceValue) {
        return jdbc.sql("""
                        update coupon_template
                           set issued = issued + 1, budget_used = budget_used + :face
                         where id = :id and issued < total_stock
                           and (budget is null or budget_used + :face <= budget)
                        """).param("id", templateId).param("face", faceValue).update() == 1;
    }

    /**
     * Sets the value of an amount-off template, unless its budget cannot cover one more coupon at that value.
     * Coupons issued before keep their face value.
     */
    boolean changeValue(UUID templateId, BigDecimal value) {
        return jdbc.sql("""
                        update coupon_template set value = :value
                         where id = :id and kind in ('no_threshold', 'spend_save')
                           and (threshold is null or threshold > :value)
                           and (budget is null or budget_used + :value <= budget)
                        """).param("id", templateId).param("value", value).update() == 1;
    }

    List<HeldCoupon> heldBy(String userId, Instant now) {
        return jdbc.sql("""
                        select c.id, c.template_id, t.name, t.kind, t.threshold,
                               coalesce(c.face_value, t.value) as value, t.gift_sku,
                               c.status, c.issued_at, c.expires_at
                          from coupon c join coupon_template t on t.id = c.template_id
                         where c.user_id = :user
                         order by c.issued_at desc, c.id
                        """)
                .param("user", userId)
                .query((rs, i) -> new HeldCoupon(
                        rs.getObject("id", UUID.class),
                        rs.getObject("template_id", UUID.class),
                        rs.getString("name"),
                        kind(rs),
                        rs.getBigDecimal("threshold"),
                        rs.getBigDecimal("value"),
                        rs.getString("gift_sku"),
                        status(rs, now),
                        rs.getTimestamp("issued_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant()))
                .list();
    }

    private static String status(ResultSet rs, Instant now) throws SQLException {
        String status = rs.getString("status");
        return Coupon.AVAILABLE.equals(status)
                        && !rs.getTimestamp("expires_at").toInstant().isAfter(now)
                ? Coupon.EXPIRED
                : status;
    }

    private static Kind kind(ResultSet rs) throws SQLException {
        String wire = rs.getString("kind");
        return Kind.of(wire).orElseThrow(() -> new IllegalStateException("unknown coupon kind " + wire));
    }

    private static CouponTemplate template(ResultSet rs) throws SQLException {
        return new CouponTemplate(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                kind(rs),
                rs.getBigDecimal("threshold"),
                rs.getBigDecimal("value"),
                rs.getString("gift_sku"),
                rs.getInt("valid_days"),
                rs.getInt("total_stock"),
                rs.getInt("per_user_limit"),
                rs.getInt("issued"),
                rs.getBigDecimal("budget"),
                rs.getBigDecimal("budget_used"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
