package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.ofType;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The cohort-based repurchase rate; see {@link Definitions#REPURCHASE_RATE}. */
@Component
public class RepurchaseRate {

    public static final Set<Slice> SLICES =
            EnumSet.of(Slice.TOTAL, Slice.DAY, Slice.WEEK, Slice.MONTH, Slice.REGION, Slice.SEGMENT, Slice.CLUSTER);

    public static final int DEFAULT_WINDOW_DAYS = 30;

    /**
     * One cohort.
     *
     * @param key the slice's value, e.g. {@code 2024-03-01} or {@code sh-pudong}
     * @param cohortUsers users with an order in the cohort period
     * @param repurchasers those who ordered again within the window
     * @param rate repurchasers / cohortUsers
     * @param complete whether every cohort user's window has passed
     */
    public record Row(
            String key,
            long cohortUsers,
            long repurchasers,
            @Nullable Double rate,
            boolean complete) {}

    record Counts(String key, long cohortUsers, long repurchasers) {}

    private final ClickHouseTemplate clickHouse;
    private final Clock clock;

    public RepurchaseRate(ClickHouseTemplate clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    public List<Row> compute(Period period, Slice slice, int windowDays) {
        if (!SLICES.contains(slice)) {
            throw new IllegalArgumentException("repurchase rate cannot be sliced by " + slice.param());
        }
        Duration window = Duration.ofDays(windowDays);
        Instant now = clock.instant();
        return clickHouse.query(sql(period, slice, window), Counts.class).stream()
                .map(c -> new Row(
                        EventSql.label(c.key()),
                        c.cohortUsers(),
                        c.repurchasers(),
                        Statistics.ratio(c.repurchasers(), c.cohortUsers()),
                        !cohortEnd(period, slice, c.key()).plus(window).isAfter(now)))
                .toList();
    }

    /** The rate of the whole period, or {@code null} without a cohort. */
    public @Nullable Double value(Period period, int windowDays) {
        List<Row> rows = compute(period, Slice.TOTAL, windowDays);
        return rows.isEmpty() ? null : rows.get(0).rate();
    }

    /**
     * One scan of the orders, no self-join: per user, the orders of the period and the window after
     * it as arrays; the anchors are the first order in each bucket of the period (the sorted orders
     * whose bucket appears for the first time); each anchor is a cohort row that repurchased if
     * another order id lies within the window after it.
     */
    static String sql(Period period, Slice slice, Duration window) {
        // the JSON payload is read only when sliced by region: it is most of the table's bytes
        String region = slice == Slice.REGION ? text("region") : "''";
        String bucket = slice.isTime() ? slice.timeBucket("tupleElement(x, 1)") : "0";
        String perUser = "SELECT subject, groupArray(event_id) AS orderIds, groupArray(event_time) AS orderTimes,"
                + " groupArray((event_time, " + region + ")) AS orderPlaces FROM " + EVENTS + " WHERE "
                + ofType("order.placed") + " AND " + period.extendedBy(window).contains("event_time")
                + " GROUP BY subject";
        String withAnchors = "SELECT subject, orderIds, orderTimes, arrayFilter((x, n) -> n = 1, inPeriod,"
                + " arrayEnumerateUniq(arrayMap(x -> " + bucket + ", inPeriod))) AS anchors FROM (SELECT subject,"
                + " orderIds, orderTimes, arraySort(arrayFilter(x -> " + period.contains("tupleElement(x, 1)")
                + ", orderPlaces)) AS inPeriod FROM (" + perUser + ") WHERE notEmpty(inPeriod))";
        String key;
        if (slice.isTime()) {
            key = "toString(" + slice.timeBucket("tupleElement(anchorPlace, 1)") + ")";
        } else if (slice == Slice.REGION) {
            key = "tupleElement(anchorPlace, 2)";
        } else if (slice.isUserAttribute()) {
            withAnchors = "SELECT subject, orderIds, orderTimes, anchors, attr FROM (" + withAnchors + ") AS u ANY"
                    + " LEFT JOIN (" + EventSql.latestUserAttribute(slice, period) + ") AS attrs USING subject";
            key = "attr";
        } else {
            key = "'total'";
        }
        return "SELECT key, count() AS cohortUsers, sum(repurchased) AS repurchasers FROM (SELECT " + key
                + " AS key, arrayUniq(arrayFilter((i, t, a) -> t >= a AND t <= a + " + window.toSeconds()
                + ", orderIds, orderTimes, replicate(tupleElement(anchorPlace, 1), orderTimes))) >= 2 AS repurchased"
                + " FROM (" + withAnchors + ") ARRAY JOIN anchors AS anchorPlace) GROUP BY key ORDER BY key = '', key";
    }

    /** When the cohort's last anchor can be: the bucket's end, or the period's. */
    private static Instant cohortEnd(Period period, Slice slice, String key) {
        if (!slice.isTime()) {
            return period.to();
        }
        Instant bucketEnd = slice.bucketEnd(LocalDate.parse(key))
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return bucketEnd.isBefore(period.to()) ? bucketEnd : period.to();
    }
}
