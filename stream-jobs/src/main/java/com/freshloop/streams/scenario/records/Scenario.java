package com.freshloop.streams.scenario.records;

/**
 * A scenario a region's context makes for the shoppers in it.
 *
 * @param tag e.g. {@code scenario:hot_weather}
 * @param score its strength: the temperature for weather, 1 for a holiday
 * @param expiresAt when it stops holding, epoch millis
 * @param cause the context event that justifies it
 * @param causeTime when that event happened, epoch millis
 */
public record Scenario(String tag, double score, long expiresAt, String cause, long causeTime) {}
