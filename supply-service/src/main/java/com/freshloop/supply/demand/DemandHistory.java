package com.freshloop.supply.demand;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DemandHistory {

    /** A SKU sold in a region. */
    record Series(String sku, String region) {}

    private final JdbcClient jdbc;

    DemandHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sku, String region, LocalDate day, int units) {
        jdbc.sql("""
                        insert into daily_demand (sku, region, day, units) values (:sku, :region, :day, :units)
                        on conflict (sku, region, day) do update set units = daily_demand.units + excluded.units
                        """)
                .param("sku", sku)
                .param("region", region)
                .param("day", day)
                .param("units", units)
                .update();
    }

    /** Daily units from the series' first day through {@code last}, zero-filled; empty if nothing was sold. */
    double[] daily(String sku, String region, LocalDate last) {
        record Day(LocalDate day, int units) {}
        List<Day> days = jdbc.sql("""
                        select day, units from daily_demand
                         where sku = :sku and region = :region and day <= :last order by day
                        """)
                .param("sku", sku)
                .param("region", region)
                .param("last", last)
                .query((rs, i) -> new Day(rs.getObject("day", LocalDate.class), rs.getInt("units")))
                .list();
        if (days.isEmpty()) {
            return new double[0];
        }
        LocalDate first = days.get(0).day();
        double[] y = new double[(int) ChronoUnit.DAYS.between(first, last) + 1];
        for (Day d : days) {
            y[(int) ChronoUnit.DAYS.between(first, d.day())] = d.units();
        }
        return y;
    }

    List<Series> series() {
        return jdbc.sql("select distinct sku, region from daily_demand order by sku, region")
                .query((rs, i) -> new Series(rs.getString("sku"), rs.getString("region")))
                .list();
    }

    List<Series> series(String region) {
        return jdbc.sql("select distinct sku, region from daily_demand where region = :region order by sku")
                .param("region", region)
                .query((rs, i) -> new Series(rs.getString("sku"), rs.getString("region")))
                .list();
    }

    void replaceForecast(String sku, String region, DemandForecast forecast, java.time.Instant at) {
        jdbc.sql("delete from demand_forecast where sku = :sku and region = :region")
                .param("sku", sku)
                .param("region", region)
                .update();
        for (DemandForecast.Day d : forecast.days()) {
            jdbc.sql("""
                            insert into demand_forecast (sku, region, day, mean, lower_bound, upper_bound, method, computed_at)
                            values (:sku, :region, :day, :mean, :lower, :upper, :method, :at)
                            """)
                    .param("sku", sku)
                    .param("region", region)
                    .param("day", d.day())
                    .param("mean", d.mean())
                    .param("lower", d.lower())
                    .param("upper", d.upper())
                    .param("method", forecast.method())
                    .param("at", java.sql.Timestamp.from(at))
                    .update();
        }
    }

    int storedForecastDays(String sku, String region) {
        return jdbc.sql("select count(*) from demand_forecast where sku = :sku and region = :region")
                .param("sku", sku)
                .param("region", region)
                .query(Integer.class)
                .single();
    }
}
