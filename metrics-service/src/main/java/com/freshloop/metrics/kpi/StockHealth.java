package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.integer;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stock-out and spoilage rates; see {@link Definitions#STOCKOUT_RATE} and {@link
 * Definitions#SPOILAGE_RATE}.
 */
@Component
public class StockHealth {

    public static final Set<Slice> SLICES = EnumSet.of(Slice.TOTAL, Slice.DAY, Slice.WEEK, Slice.MONTH, Slice.REGION);

    /** Buckets a stock-out query may span: one row per bucket and item is computed. */
    public static final int MAX_BUCKETS = 400;

    /** The event supply-service publishes when stock is written off (not in the event catalog yet). */
    public static final String SPOILED = "stock.spoiled";

    /**
     * @param key the slice's value
     * @param trackedItems SKU x region pairs tracked in the bucket
     * @param outOfStockHours their summed out-of-stock time
     * @param rate out-of-stock time / (tracked items x bucket length)
     */
    public record StockoutRow(
            String key,
            long trackedItems,
            double outOfStockHours,
            @Nullable Double rate) {}

    /**
     * @param key the slice's value
     * @param receivedUnits units received (replenished)
     * @param spoiledUnits units written off as spoiled
     * @param rate spoiled / received
     */
    public record SpoilageRow(
            String key,
            long receivedUnits,
            long spoiledUnits,
            @Nullable Double rate) {}

    record StockoutCounts(String key, long tracked, long outSeconds, long bucketSeconds) {}

    record SpoilageCounts(String key, long received, long spoiled) {}

    private record Bucket(String key, long start, long end) {}

    private final ClickHouseTemplate clickHouse;

    public StockHealth(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    public List<StockoutRow> stockouts(Period period, Slice slice) {
        check(slice);
        List<Bucket> buckets = buckets(period, slice);
        long end = period.to().getEpochSecond();
        String bucketArray = buckets.stream()
                .map(b -> "(" + Sql.string(b.key()) + ", toUInt32(" + b.start() + "), toUInt32(" + b.end() + "))")
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
        // the state after each stock event, sorted by time: 1 = out of stock, 0 = in stock, until the
        // next event (or the period's end)
        String items = "SELECT " + text("sku") + " AS sku, " + text("region") + " AS itemRegion,"
                + " arraySort(groupArray((toUInt32(event_time), if(type = 'stock.out', 1, 0)))) AS ev FROM " + EVENTS
                + " WHERE type IN ('stock.out', 'stock.replenished') AND event_time < " + period.toSql()
                + " GROUP BY sku, itemRegion";
        String timelines = "SELECT sku, itemRegion, arrayMap(e -> tupleElement(e, 1), ev) AS starts, arrayMap(e ->"
                + " tupleElement(e, 2), ev) AS states, arrayPushBack(arrayPopFront(starts), toUInt32(" + end
                + ")) AS ends, starts[1] AS firstSeen FROM (" + items + ")";
        String perBucket = "SELECT sku, itemRegion, firstSeen, bucket, tupleElement(bucket, 2) AS bucketStart,"
                + " tupleElement(bucket, 3) AS bucketEnd, arraySum(arrayMap((st, a, b, bs, be) -> st * greatest(toInt64(0),"
                + " toInt64(least(b, be)) - toInt64(greatest(a, bs))), states, starts, ends, replicate(bucketStart,"
                + " starts), replicate(bucketEnd, starts))) AS outSeconds FROM (" + timelines + ") ARRAY JOIN ["
                + bucketArray + "] AS bucket";
        String key = slice == Slice.REGION ? "itemRegion" : "tupleElement(bucket, 1)";
        String sql = "SELECT " + key + " AS key, count() AS tracked, sum(outSeconds) AS outSeconds,"
                + " any(bucketEnd - bucketStart) AS bucketSeconds FROM (" + perBucket
                + ") WHERE firstSeen < bucketEnd GROUP BY key ORDER BY key = '', key";
        return clickHouse.query(sql, StockoutCounts.class).stream()
                .map(c -> new StockoutRow(
                        EventSql.label(c.key()),
                        c.tracked(),
                        c.outSeconds() / 3600.0,
                        Statistics.ratio(c.outSeconds(), (double) c.tracked() * c.bucketSeconds())))
                .toList();
    }

    public @Nullable Double stockoutRate(Period period) {
        List<StockoutRow> rows = stockouts(period, Slice.TOTAL);
        return rows.isEmpty() ? null : rows.get(0).rate();
    }

    public List<SpoilageRow> spoilage(Period period, Slice slice) {
        check(slice);
        String flows = "SELECT event_id, type, any(event_time) AS happenedAt, any(if(type = '" + SPOILED + "', "
                + integer("quantity") + ", " + integer("quantityAdded") + ")) AS units, any(" + text("region")
                + ") AS itemRegion FROM " + EVENTS + " WHERE type IN ('" + SPOILED + "', 'stock.replenished') AND "
                + period.contains("event_time") + " GROUP BY event_id, type";
        String key = slice.isTime() ? slice.timeKey("happenedAt") : slice == Slice.REGION ? "itemRegion" : "'total'";
        String sql =
                "SELECT " + key + " AS key, sumIf(units, type = 'stock.replenished') AS received, sumIf(units, type"
                        + " = '" + SPOILED + "') AS spoiled FROM (" + flows + ") GROUP BY key ORDER BY key = '', key";
        return clickHouse.query(sql, SpoilageCounts.class).stream()
                .map(c -> new SpoilageRow(
                        EventSql.label(c.key()),
                        c.received(),
                        c.spoiled(),
                        Statistics.ratio(c.spoiled(), c.received())))
                .toList();
    }

    public @Nullable Double spoilageRate(Period period) {
        List<SpoilageRow> rows = spoilage(period, Slice.TOTAL);
        return rows.isEmpty() ? null : rows.get(0).rate();
    }

    private static void check(Slice slice) {
        if (!SLICES.contains(slice)) {
            throw new IllegalArgumentException("stock metrics cannot be sliced by " + slice.param());
        }
    }

    /** The calendar buckets (UTC) the period covers, clipped to it; one bucket unless a time slice. */
    private static List<Bucket> buckets(Period period, Slice slice) {
        long from = period.from().getEpochSecond();
        long to = period.to().getEpochSecond();
        if (!slice.isTime()) {
            return List.of(new Bucket("total", from, to));
        }
        List<Bucket> buckets = new ArrayList<>();
        LocalDate day = period.from().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate start = slice.bucketStart(day);
        while (true) {
            Instant bucketStart = start.atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!bucketStart.isBefore(period.to())) {
                break;
            }
            LocalDate next = slice.bucketEnd(start);
            long end = Math.min(to, next.atStartOfDay(ZoneOffset.UTC).toEpochSecond());
            buckets.add(new Bucket(start.toString(), Math.max(from, bucketStart.getEpochSecond()), end));
            if (buckets.size() > MAX_BUCKETS) {
                throw new IllegalArgumentException(
                        "the period spans more than " + MAX_BUCKETS + " " + slice.param() + " buckets");
            }
            start = next;
        }
        return buckets;
    }
}
