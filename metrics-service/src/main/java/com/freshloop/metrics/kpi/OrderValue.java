package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.number;
import static com.freshloop.metrics.kpi.EventSql.ofType;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import com.freshloop.metrics.kpi.Statistics.Moments;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Average order value, its lift between two periods and between experiment variants; see {@link
 * Definitions#AVERAGE_ORDER_VALUE}, {@link Definitions#AOV_LIFT}, {@link Definitions#AOV_EXPERIMENT}.
 */
@Component
public class OrderValue {

    public static final Set<Slice> SLICES = EnumSet.of(
            Slice.TOTAL,
            Slice.DAY,
            Slice.WEEK,
            Slice.MONTH,
            Slice.REGION,
            Slice.SEGMENT,
            Slice.CLUSTER,
            Slice.CAMPAIGN);

    /**
     * @param key the slice's value
     * @param orders distinct orders
     * @param revenue sum of their totals
     * @param aov revenue / orders
     */
    public record Row(
            String key,
            long orders,
            double revenue,
            @Nullable Double aov) {}

    /**
     * @param current AOV of the period
     * @param baseline AOV of the baseline period
     * @param lift current / baseline - 1
     * @param pValue Welch's t-test, two-sided
     */
    public record Lift(
            Row current,
            Row baseline,
            @Nullable Double lift,
            @Nullable Double pValue) {}

    /**
     * @param variant the experiment variant
     * @param buyers distinct users with a counted order
     * @param orders orders placed at or after the user's first exposure
     * @param revenue their totals
     * @param aov revenue / orders
     * @param lift aov / control's aov - 1 ({@code null} for the control itself)
     * @param pValue Welch's t-test against the control
     */
    public record Variant(
            String variant,
            long buyers,
            long orders,
            double revenue,
            @Nullable Double aov,
            @Nullable Double lift,
            @Nullable Double pValue) {}

    record Sums(String key, long orders, double revenue, double sumOfSquares, long buyers) {
        Moments moments() {
            return new Moments(orders, revenue, sumOfSquares);
        }

        Row row() {
            return new Row(EventSql.label(key), orders, revenue, Statistics.ratio(revenue, orders));
        }
    }

    private final ClickHouseTemplate clickHouse;

    public OrderValue(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    public List<Row> compute(Period period, Slice slice) {
        if (!SLICES.contains(slice)) {
            throw new IllegalArgumentException("AOV cannot be sliced by " + slice.param());
        }
        return sums(period, slice).stream().map(Sums::row).toList();
    }

    public @Nullable Double value(Period period) {
        List<Sums> sums = sums(period, Slice.TOTAL);
        return sums.isEmpty() ? null : sums.get(0).row().aov();
    }

    public Lift lift(Period current, Period baseline) {
        Sums now = total(current);
        Sums before = total(baseline);
        Row row = now.row();
        Row base = before.row();
        return new Lift(
                row,
                base,
                Statistics.lift(row.aov(), base.aov()),
                Statistics.welchPValue(now.moments(), before.moments()));
    }

    /** Variants in name order; the control is compared with itself as {@code null} lift. */
    public List<Variant> experiment(String experiment, String control, Period period) {
        String orders = orders(period, false);
        String exposures = "SELECT subject, argMin(" + text("variant") + ", event_time) AS variant, min(event_time)"
                + " AS firstExposed FROM " + EVENTS + " WHERE type IN ('recommendation.exposed',"
                + " 'recommendation.clicked') AND " + text("experiment") + " = " + Sql.string(experiment)
                + " AND event_time < " + period.toSql() + " GROUP BY subject";
        String sql =
                "SELECT variant AS key, count() AS orders, sum(orderTotal) AS revenue, sum(orderTotal * orderTotal)"
                        + " AS sumOfSquares, uniqExact(subject) AS buyers FROM (" + orders + ") AS o ANY INNER JOIN ("
                        + exposures
                        + ") AS x USING subject WHERE placedAt >= firstExposed GROUP BY key ORDER BY key = '', key";
        List<Sums> variants = clickHouse.query(sql, Sums.class);
        Sums controlSums = variants.stream()
                .filter(v -> v.key().equals(control))
                .findFirst()
                .orElse(null);
        List<Variant> result = new ArrayList<>();
        for (Sums v : variants) {
            Row row = v.row();
            boolean isControl = v.key().equals(control) || controlSums == null;
            result.add(new Variant(
                    row.key(),
                    v.buyers(),
                    v.orders(),
                    v.revenue(),
                    row.aov(),
                    isControl
                            ? null
                            : Statistics.lift(row.aov(), controlSums.row().aov()),
                    isControl ? null : Statistics.welchPValue(v.moments(), controlSums.moments())));
        }
        return result;
    }

    private Sums total(Period period) {
        List<Sums> sums = sums(period, Slice.TOTAL);
        return sums.isEmpty() ? new Sums("total", 0, 0, 0, 0) : sums.get(0);
    }

    private List<Sums> sums(Period period, Slice slice) {
        String orders = orders(period, slice == Slice.REGION);
        String key;
        if (slice.isTime()) {
            key = slice.timeKey("placedAt");
        } else if (slice == Slice.REGION) {
            key = "orderRegion";
        } else if (slice == Slice.CAMPAIGN) {
            // the campaign of the coupon redeemed on the order (coupon.redeemed names the order id);
            // orders without a campaign coupon get '' (reported as unknown)
            orders = "SELECT subject, placedAt, orderTotal, orderRegion, attr FROM (" + ordersWithRef(period)
                    + ") AS o0 ANY LEFT JOIN (SELECT orderRef, any(redeemedCampaign) AS attr FROM (SELECT "
                    + text("orderId") + " AS orderRef, " + text("campaignId") + " AS redeemedCampaign FROM " + EVENTS
                    + " WHERE " + ofType("coupon.redeemed") + ") WHERE redeemedCampaign != '' GROUP BY orderRef)"
                    + " AS redemptions USING orderRef";
            key = "attr";
        } else if (slice.isUserAttribute()) {
            orders = "SELECT subject, placedAt, orderTotal, orderRegion, attr FROM (" + orders
                    + ") AS o0 ANY LEFT JOIN (" + EventSql.latestUserAttribute(slice, period)
                    + ") AS attrs USING subject";
            key = "attr";
        } else {
            key = "'total'";
        }
        return clickHouse.query(
                "SELECT " + key + " AS key, count() AS orders, sum(orderTotal) AS revenue, sum(orderTotal * orderTotal)"
                        + " AS sumOfSquares, uniqExact(subject) AS buyers FROM (" + orders
                        + ") GROUP BY key ORDER BY key = '', key",
                Sums.class);
    }

    /**
     * Distinct orders of the period: a redelivered event is one order. The region is read from the
     * JSON only when asked for: every field read costs a pass over the payload.
     */
    /** {@link #orders} without the region, with the order's own id ({@code data.orderId}) as {@code orderRef}. */
    static String ordersWithRef(Period period) {
        return "SELECT event_id, subject, any(event_time) AS placedAt, any(" + number("total") + ") AS orderTotal,"
                + " '' AS orderRegion, any(" + text("orderId") + ") AS orderRef FROM " + EVENTS + " WHERE "
                + ofType("order.placed") + " AND " + period.contains("event_time") + " GROUP BY event_id, subject";
    }

    static String orders(Period period, boolean withRegion) {
        return "SELECT event_id, subject, any(event_time) AS placedAt, any(" + number("total") + ") AS orderTotal, "
                + (withRegion ? "any(" + text("region") + ")" : "''") + " AS orderRegion FROM " + EVENTS + " WHERE "
                + ofType("order.placed") + " AND " + period.contains("event_time") + " GROUP BY event_id, subject";
    }
}
