package com.freshloop.supply.context;

import com.freshloop.supply.forecast.Holiday;
import com.freshloop.supply.forecast.Weather;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ContextRepository {

    private final JdbcClient jdbc;

    ContextRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the observation with the latest event time per region and day (redeliveries change nothing). */
    void saveWeather(String region, LocalDate day, double temperatureC, String condition, Instant observedAt) {
        jdbc.sql("""
                        insert into weather_observation (region, day, temperature_c, condition, observed_at)
                        values (:region, :day, :temperature, :condition, :at)
                        on conflict (region, day) do update
                           set temperature_c = excluded.temperature_c, condition = excluded.condition,
                               observed_at = excluded.observed_at
                         where weather_observation.observed_at <= excluded.observed_at
                        """)
                .param("region", region)
                .param("day", day)
                .param("temperature", temperatureC)
                .param("condition", condition)
                .param("at", Timestamp.from(observedAt))
                .update();
    }

    List<Weather.Observation> weather(String region, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select day, temperature_c, condition from weather_observation
                         where region = :region and day between :from and :to order by day
                        """)
                .param("region", region)
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new Weather.Observation(
                        rs.getObject("day", LocalDate.class), rs.getDouble("temperature_c"), rs.getString("condition")))
                .list();
    }

    void saveHoliday(String region, LocalDate day, String name, Instant declaredAt) {
        jdbc.sql("""
                        insert into declared_holiday (region, day, name, declared_at)
                        values (:region, :day, :name, :at)
                        on conflict (region, day, name) do nothing
                        """)
                .param("region", region)
                .param("day", day)
                .param("name", name)
                .param("at", Timestamp.from(declaredAt))
                .update();
    }

    List<Holiday> declaredHolidays(int preDays, int postDays) {
        return jdbc.sql("select region, day, name from declared_holiday order by day, region, name")
                .query((rs, i) -> new Holiday(
                        rs.getString("region"),
                        rs.getObject("day", LocalDate.class),
                        rs.getString("name"),
                        preDays,
                        postDays))
                .list();
    }
}
