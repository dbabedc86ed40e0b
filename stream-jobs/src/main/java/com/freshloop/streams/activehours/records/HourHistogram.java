package com.freshloop.streams.activehours.records;

import java.util.Arrays;

/**
 * A shopper's activity by hour of day, and the hour the last tag named. Instances are never changed;
 * each update returns a new one (the array is private to it).
 *
 * @param counts events per hour of day, 24 entries
 * @param leadingHour the hour with the most events; a tie keeps the earlier leader so the tag does
 *     not flap between two equally used hours; -1 before the first event
 * @param latestEventTime the newest event time seen, epoch millis
 * @param lastEmittedTime the {@code latestEventTime} when a tag was last emitted, epoch millis
 */
public record HourHistogram(long[] counts, int leadingHour, long latestEventTime, long lastEmittedTime) {

    public static final int HOURS = 24;

    public static HourHistogram empty() {
        return new HourHistogram(new long[HOURS], -1, Long.MIN_VALUE, Long.MIN_VALUE);
    }

    /** One more event in {@code hour} at {@code eventTime}. */
    public HourHistogram add(int hour, long eventTime) {
        if (hour < 0 || hour >= HOURS) {
            throw new IllegalArgumentException("hour of day out of range: " + hour);
        }
        long[] next = Arrays.copyOf(counts, HOURS);
        next[hour]++;
        int leader = leadingHour < 0 || next[hour] > next[leadingHour] ? hour : leadingHour;
        return new HourHistogram(next, leader, Math.max(latestEventTime, eventTime), lastEmittedTime);
    }

    /** The same histogram, noting that a tag was emitted as of its latest event. */
    public HourHistogram emitted() {
        return new HourHistogram(counts, leadingHour, latestEventTime, latestEventTime);
    }

    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** The leading hour's share of all events, 0..1. */
    public double leaderShare() {
        long total = total();
        return leadingHour < 0 || total == 0 ? 0.0 : (double) counts[leadingHour] / total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HourHistogram that
                && Arrays.equals(counts, that.counts)
                && leadingHour == that.leadingHour
                && latestEventTime == that.latestEventTime
                && lastEmittedTime == that.lastEmittedTime;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + Long.hashCode(latestEventTime) + leadingHour;
    }

    @Override
    public String toString() {
        return "HourHistogram[counts=" + Arrays.toString(counts) + ", leadingHour=" + leadingHour + ", latestEventTime="
                + latestEventTime + ", lastEmittedTime=" + lastEmittedTime + "]";
    }
}
