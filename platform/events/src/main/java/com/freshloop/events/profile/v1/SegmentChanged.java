package com.freshloop.events.profile.v1;

/**
 * A user's RFM segment changed.
 *
 * @param from previous segment, null for a new user
 * @param to new segment, e.g. {@code Champions}, {@code At risk}
 * @param rfm the R, F and M quintile scores, e.g. {@code 5-4-4}
 */
public record SegmentChanged(String from, String to, String rfm) implements ProfileEvent {}
