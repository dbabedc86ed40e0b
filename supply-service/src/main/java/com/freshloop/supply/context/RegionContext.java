package com.freshloop.supply.context;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.context.v1.HolidayDeclared;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.supply.forecast.Holiday;
import com.freshloop.supply.forecast.HolidayCalendar;
import com.freshloop.supply.forecast.Weather;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Service;

/**
 * The weather and holidays of each region: observations and declarations from the context topic,
 * plus the configured holiday calendar (a CSV that operators replace, read once at start-up).
 */
@Service
public class RegionContext {

    private static final Logger log = LoggerFactory.getLogger(RegionContext.class);
    private static final int MAX_CODE = 64;
    private static final int MAX_NAME = 128;

    private final ContextRepository repository;
    private final HolidayProperties properties;
    private final HolidayCalendar configured;

    RegionContext(ContextRepository repository, HolidayProperties properties, ResourceLoader resources) {
        this.repository = repository;
        this.properties = properties;
        this.configured = load(resources.getResource(properties.calendar()));
        log.info(
                "holiday calendar {}: {} holidays",
                properties.calendar(),
                configured.holidays().size());
    }

    private static HolidayCalendar load(Resource resource) {
        try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return HolidayCalendar.read(in);
        } catch (IOException e) {
            // a broken calendar must stop the start-up, not silently forecast without holidays
            throw new UncheckedIOException("cannot read the holiday calendar " + resource.getDescription(), e);
        }
    }

    /**
     * Stores a weather observation or a declared holiday. Codes longer than the tables hold are
     * rejected (IllegalArgumentException: dead-lettered at once, never retried).
     */
    public void apply(EventEnvelope<EventData> event) {
        if (event.data() instanceof WeatherObserved weather) {
            check("region", weather.region(), MAX_CODE);
            check("condition", weather.condition(), MAX_CODE);
            repository.saveWeather(
                    weather.region(), weather.date(), weather.temperatureC(), weather.condition(), event.time());
        } else if (event.data() instanceof HolidayDeclared holiday) {
            check("region", holiday.region(), MAX_CODE);
            check("name", holiday.name(), MAX_NAME);
            repository.saveHoliday(holiday.region(), holiday.date(), holiday.name(), event.time());
        }
    }

    private static void check(String field, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " longer than " + max + " characters");
        }
    }

    /** The configured calendar plus every declared holiday. */
    public HolidayCalendar holidays() {
        return configured.and(repository.declaredHolidays(properties.declaredPreDays(), properties.declaredPostDays()));
    }

    /** The holidays of one region (its own and those of every region), by date. */
    public List<Holiday> holidays(String region) {
        return holidays().forRegion(region);
    }

    /** The region's observations from {@code from} through {@code to} (future days: fed weather forecasts). */
    public Weather weather(String region, LocalDate from, LocalDate to) {
        return Weather.of(repository.weather(region, from, to));
    }
}
