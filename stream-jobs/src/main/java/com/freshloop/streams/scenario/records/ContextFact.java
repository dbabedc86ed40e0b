package com.freshloop.streams.scenario.records;

/**
 * A weather observation or a holiday for a region, from the context topic.
 *
 * @param region the region, or {@code *} for every region
 * @param kind weather or holiday
 * @param day the date, as an epoch day
 * @param temperatureC for weather: the temperature
 * @param condition for weather: e.g. {@code sunny}, {@code rain}; for a holiday: its name
 * @param eventId the context event, from which the ids of the tags it justifies are derived
 * @param eventTime when it was observed or declared, epoch millis
 */
public record ContextFact(
        String region, Kind kind, long day, double temperatureC, String condition, String eventId, long eventTime) {

    /** Every region. */
    public static final String EVERYWHERE = "*";

    /** What the fact is about. */
    public enum Kind {
        WEATHER,
        HOLIDAY
    }
}
