package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.ofType;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Coupon redemption rate; see {@link Definitions#COUPON_REDEMPTION_RATE}. */
@Component
public class CouponRedemption {

    public static final Set<Slice> SLICES = EnumSet.of(
            Slice.TOTAL, Slice.DAY, Slice.WEEK, Slice.MONTH, Slice.CAMPAIGN, Slice.KIND, Slice.SEGMENT, Slice.CLUSTER);

    /**
     * @param key the slice's value (campaign id, coupon kind, issue day, ...)
     * @param issued coupons issued in the period
     * @param redeemed of those, redeemed by now
     * @param rate redeemed / issued
     */
    public record Row(
            String key,
            long issued,
            long redeemed,
            @Nullable Double rate) {}

    record Counts(String key, long issued, long redeemed) {}

    private final ClickHouseTemplate clickHouse;

    public CouponRedemption(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    public List<Row> compute(Period period, Slice slice) {
        if (!SLICES.contains(slice)) {
            throw new IllegalArgumentException("coupon redemption cannot be sliced by " + slice.param());
        }
        String issued = "SELECT " + text("couponId") + " AS coupon, subject, min(event_time) AS issuedAt, any("
                + text("campaignId") + ") AS campaign, any(" + text("kind") + ") AS couponKind FROM " + EVENTS
                + " WHERE " + ofType("coupon.issued") + " AND " + period.contains("event_time")
                + " GROUP BY coupon, subject";
        String key = switch (slice) {
            case DAY, WEEK, MONTH -> slice.timeKey("issuedAt");
            case CAMPAIGN -> "campaign";
            case KIND -> "couponKind";
            case SEGMENT, CLUSTER -> "attr";
            default -> "'total'";
        };
        if (slice.isUserAttribute()) {
            issued = "SELECT coupon, subject, issuedAt, campaign, couponKind, attr FROM (" + issued
                    + ") AS c0 ANY LEFT JOIN (" + EventSql.latestUserAttribute(slice, period)
                    + ") AS attrs USING subject";
        }
        String redeemed = "SELECT " + text("couponId") + " FROM " + EVENTS + " WHERE " + ofType("coupon.redeemed")
                + " AND event_time >= " + period.fromSql();
        String sql = "SELECT " + key + " AS key, uniqExact(coupon) AS issued, uniqExactIf(coupon, coupon IN ("
                + redeemed + ")) AS redeemed FROM (" + issued + ") GROUP BY key ORDER BY key = '', key";
        return clickHouse.query(sql, Counts.class).stream()
                .map(c -> new Row(
                        EventSql.label(c.key()), c.issued(), c.redeemed(), Statistics.ratio(c.redeemed(), c.issued())))
                .toList();
    }

    public @Nullable Double value(Period period) {
        List<Row> rows = compute(period, Slice.TOTAL);
        return rows.isEmpty() ? null : rows.get(0).rate();
    }
}
