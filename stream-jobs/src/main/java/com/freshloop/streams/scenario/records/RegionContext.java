package com.freshloop.streams.scenario.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * What is known of a region's context: its latest weather observation and its coming holidays. Kept
 * in broadcast state, identical on every parallel instance. Never changed; every update returns a new one.
 *
 * @param weatherDay the day of the latest observation (epoch day), or {@link #NONE}
 * @param temperatureC its temperature
 * @param condition its condition
 * @param weatherEventId its event
 * @param weatherTime its event time, epoch millis
 * @param holidayDays the holidays' days (epoch days), in the order declared
 * @param holidayEventIds their events
 * @param holidayTimes their event times, epoch millis
 */
public record RegionContext(
        long weatherDay,
        double temperatureC,
        String condition,
        String weatherEventId,
        long weatherTime,
        long[] holidayDays,
        String[] holidayEventIds,
        long[] holidayTimes) {

    public static final long NONE = Long.MIN_VALUE;
    /** Holidays kept per region, the newest declared. */
    public static final int MAX_HOLIDAYS = 32;

    public static RegionContext empty() {
        return new RegionContext(NONE, 0, null, null, NONE, new long[0], new String[0], new long[0]);
    }

    public boolean hasWeather() {
        return weatherDay != NONE;
    }

    /**
     * With the fact applied: a weather observation replaces an older one (a later day, or the same day
     * observed later; ties broken by id so that every instance agrees); a holiday is added once, and
     * holidays over before yesterday ({@code today} is the epoch day of the fact's event time) are dropped.
     */
    public RegionContext with(ContextFact fact, long today) {
        return switch (fact.kind()) {
            case WEATHER ->
                newerWeather(fact)
                        ? new RegionContext(
                                fact.day(),
                                fact.temperatureC(),
                                fact.condition(),
                                fact.eventId(),
                                fact.eventTime(),
                                holidayDays,
                                holidayEventIds,
                                holidayTimes)
                        : this;
            case HOLIDAY -> withHoliday(fact, today);
        };
    }

    private boolean newerWeather(ContextFact fact) {
        if (!hasWeather() || fact.day() != weatherDay) {
            return !hasWeather() || fact.day() > weatherDay;
        }
        return fact.eventTime() != weatherTime
                ? fact.eventTime() > weatherTime
                : fact.eventId().compareTo(weatherEventId) > 0;
    }

    private RegionContext withHoliday(ContextFact fact, long today) {
        if (Arrays.asList(holidayEventIds).contains(fact.eventId())) {
            return this;
        }
        long[] days = new long[holidayDays.length + 1];
        String[] ids = new String[holidayDays.length + 1];
        long[] times = new long[holidayDays.length + 1];
        int n = 0;
        for (int i = 0; i < holidayDays.length; i++) {
            if (holidayDays[i] >= today - 1) {
                days[n] = holidayDays[i];
                ids[n] = holidayEventIds[i];
                times[n++] = holidayTimes[i];
            }
        }
        days[n] = fact.day();
        ids[n] = fact.eventId();
        times[n++] = fact.eventTime();
        int from = Math.max(0, n - MAX_HOLIDAYS);
        return new RegionContext(
                weatherDay,
                temperatureC,
                condition,
                weatherEventId,
                weatherTime,
                Arrays.copyOfRange(days, from, n),
                Arrays.copyOfRange(ids, from, n),
                Arrays.copyOfRange(times, from, n));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RegionContext that
                && weatherDay == that.weatherDay
                && Double.compare(temperatureC, that.temperatureC) == 0
                && Objects.equals(condition, that.condition)
                && Objects.equals(weatherEventId, that.weatherEventId)
                && weatherTime == that.weatherTime
                && Arrays.equals(holidayDays, that.holidayDays)
                && Arrays.equals(holidayEventIds, that.holidayEventIds)
                && Arrays.equals(holidayTimes, that.holidayTimes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(weatherDay, weatherEventId, Arrays.hashCode(holidayEventIds));
    }

    @Override
    public String toString() {
        return "RegionContext[weatherDay=" + weatherDay + ", temperatureC=" + temperatureC + ", condition=" + condition
                + ", holidayDays=" + Arrays.toString(holidayDays) + "]";
    }
}
