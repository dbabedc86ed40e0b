package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.kpi.EventSql.EVENTS;
import static com.freshloop.metrics.kpi.EventSql.number;
import static com.freshloop.metrics.kpi.EventSql.ofType;
import static com.freshloop.metrics.kpi.EventSql.text;

import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Units sold per day beside the demand forecast; see {@link Definitions#DEMAND_ACTUALS}. */
@Component
public class DemandActuals {

    /** The event supply-service would publish per SKU, region and day (not in the event catalog yet). */
    public static final String FORECASTED = "demand.forecasted";

    /**
     * @param date the UTC day
     * @param actualUnits units ordered that day
     * @param forecastUnits the latest forecast for the day, if one was published
     */
    public record Day(
            String date, long actualUnits, @Nullable Double forecastUnits) {}

    /**
     * @param days every day with an actual or a forecast, in order
     * @param forecastAvailable whether any forecast was found
     */
    public record Report(List<Day> days, boolean forecastAvailable) {}

    record Actual(String day, long units) {}

    record Forecast(String day, double units) {}

    // one order line of the order.placed JSON: its sku ... quantity, inside one {...}
    private static final String LINE = "\"sku\":\"[^\"]*\"[^{}]*\"quantity\":[0-9]+";

    private final ClickHouseTemplate clickHouse;

    public DemandActuals(ClickHouseTemplate clickHouse) {
        this.clickHouse = clickHouse;
    }

    public Report compute(Period period, @Nullable String sku, @Nullable String region) {
        String orders = "SELECT event_id, any(event_time) AS placedAt, any(data) AS payload FROM " + EVENTS + " WHERE "
                + ofType("order.placed") + " AND " + period.contains("event_time")
                + (region == null ? "" : " AND " + text("region") + " = " + Sql.string(region)) + " GROUP BY event_id";
        String actualSql =
                "SELECT toString(toDate(placedAt)) AS day, sum(toUInt64(extract(line, '\"quantity\":([0-9]+)')))"
                        + " AS units FROM (" + orders + ") ARRAY JOIN extractAll(payload, " + Sql.string(LINE)
                        + ") AS line"
                        + (sku == null ? "" : " WHERE extract(line, '\"sku\":\"([^\"]*)\"') = " + Sql.string(sku))
                        + " GROUP BY day ORDER BY day";
        String firstDay = period.from().atZone(ZoneOffset.UTC).toLocalDate().toString();
        String lastDay =
                period.to().minusSeconds(1).atZone(ZoneOffset.UTC).toLocalDate().toString();
        String forecastSql = "SELECT forecastDay AS day, sum(quantity) AS units FROM (SELECT " + text("sku")
                + " AS forecastSku, " + text("region") + " AS forecastRegion, " + text("date") + " AS forecastDay,"
                + " argMax(" + number("quantity") + ", event_time) AS quantity FROM " + EVENTS + " WHERE "
                + ofType(FORECASTED) + " GROUP BY forecastSku, forecastRegion, forecastDay) WHERE forecastDay >= "
                + Sql.string(firstDay) + " AND forecastDay <= " + Sql.string(lastDay)
                + (sku == null ? "" : " AND forecastSku = " + Sql.string(sku))
                + (region == null ? "" : " AND forecastRegion = " + Sql.string(region)) + " GROUP BY day ORDER BY day";
        Map<String, Long> actual = new TreeMap<>();
        clickHouse.query(actualSql, Actual.class).forEach(a -> actual.put(a.day(), a.units()));
        Map<String, Double> forecast = new TreeMap<>();
        clickHouse.query(forecastSql, Forecast.class).forEach(f -> forecast.put(f.day(), f.units()));
        TreeMap<String, Boolean> days = new TreeMap<>();
        actual.keySet().forEach(d -> days.put(d, true));
        forecast.keySet().forEach(d -> days.put(d, true));
        List<Day> result = new ArrayList<>();
        for (String day : days.keySet()) {
            result.add(new Day(day, actual.getOrDefault(day, 0L), forecast.get(day)));
        }
        return new Report(result, !forecast.isEmpty());
    }
}
