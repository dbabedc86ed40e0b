package com.freshloop.streams.scenario.functions;

import com.freshloop.streams.scenario.ScenarioSettings;
import com.freshloop.streams.scenario.records.RegionContext;
import com.freshloop.streams.scenario.records.Scenario;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The scenarios a region's context makes:
 *
 * <ul>
 *   <li>{@code scenario:hot_weather} (score = °C) when the latest observation is at or above
 *       {@code hotC} (30 °C), {@code scenario:cold_weather} at or below {@code coldC} (5 °C), and
 *       {@code scenario:rainy} (score 1) when its condition mentions rain, showers or storms. An
 *       observation for day D holds until the end of D+1 unless a newer one replaces it.
 *   <li>{@code scenario:holiday} (score 1) from a holiday's declaration until the end of its day, for
 *       the region's holidays and those declared for every region ({@code *}); the soonest first.
 * </ul>
 */
public final class ScenarioRules implements Serializable {

    public static final String HOT = "scenario:hot_weather";
    public static final String COLD = "scenario:cold_weather";
    public static final String RAINY = "scenario:rainy";
    public static final String HOLIDAY = "scenario:holiday";

    private static final long serialVersionUID = 1L;

    private final ScenarioSettings settings;

    public ScenarioRules(ScenarioSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Candidates, several per tag possible (holidays, soonest first); the caller keeps the first of
     * each tag that has not expired.
     */
    public List<Scenario> of(RegionContext region, RegionContext everywhere) {
        List<Scenario> scenarios = new ArrayList<>();
        if (region != null && region.hasWeather()) {
            long expiresAt = startOf(region.weatherDay() + 2);
            String condition =
                    region.condition() == null ? "" : region.condition().toLowerCase(Locale.ROOT);
            if (region.temperatureC() >= settings.hotC()) {
                scenarios.add(new Scenario(
                        HOT, region.temperatureC(), expiresAt, region.weatherEventId(), region.weatherTime()));
            }
            if (region.temperatureC() <= settings.coldC()) {
                scenarios.add(new Scenario(
                        COLD, region.temperatureC(), expiresAt, region.weatherEventId(), region.weatherTime()));
            }
            if (condition.contains("rain") || condition.contains("shower") || condition.contains("storm")) {
                scenarios.add(new Scenario(RAINY, 1, expiresAt, region.weatherEventId(), region.weatherTime()));
            }
        }
        List<Scenario> holidays = new ArrayList<>();
        for (RegionContext context : new RegionContext[] {region, everywhere}) {
            if (context == null) {
                continue;
            }
            for (int i = 0; i < context.holidayDays().length; i++) {
                holidays.add(new Scenario(
                        HOLIDAY,
                        1,
                        startOf(context.holidayDays()[i] + 1),
                        context.holidayEventIds()[i],
                        context.holidayTimes()[i]));
            }
        }
        holidays.sort(Comparator.comparingLong(Scenario::expiresAt).thenComparing(Scenario::cause));
        scenarios.addAll(holidays);
        return scenarios;
    }

    /** The epoch day of an instant in the settings' zone. */
    public long day(long time) {
        return Instant.ofEpochMilli(time)
                .atZone(settings.timeZone())
                .toLocalDate()
                .toEpochDay();
    }

    private long startOf(long day) {
        return LocalDate.ofEpochDay(day)
                .atStartOfDay(settings.timeZone())
                .toInstant()
                .toEpochMilli();
    }
}
