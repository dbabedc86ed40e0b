package com.freshloop.metrics.kpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a metric is broken down: not at all, by calendar bucket of event time (UTC), or by an
 * attribute of the user, order, coupon or message. Each metric accepts the slices its data has.
 */
public enum Slice {
    /** One row, key {@code total}. */
    TOTAL,
    /** UTC calendar day, key {@code 2024-03-01}. */
    DAY,
    /** ISO week starting Monday, key = the Monday. */
    WEEK,
    /** Calendar month, key = its first day. */
    MONTH,
    /** Delivery region of the order ({@code order.placed} data.region) or of the stock item. */
    REGION,
    /** The user's RFM segment: the latest {@code profile.segment_changed} before the period ends. */
    SEGMENT,
    /** The user's behaviour cluster: the latest {@code profile.cluster_assigned} before the period ends. */
    CLUSTER,
    /** The campaign id of the coupon or message. */
    CAMPAIGN,
    /** The coupon kind or the message kind. */
    KIND;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Slice> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.param().equals(value)).findFirst();
    }

    boolean isTime() {
        return this == DAY || this == WEEK || this == MONTH;
    }

    boolean isUserAttribute() {
        return this == SEGMENT || this == CLUSTER;
    }

    /** The SQL for the bucket of a time slice, a {@code Date}. */
    String timeBucket(String column) {
        return switch (this) {
            case DAY -> "toDate(" + column + ")";
            case WEEK -> "toMonday(toDate(" + column + "))";
            case MONTH -> "toStartOfMonth(toDate(" + column + "))";
            default -> throw new IllegalStateException(this + " is not a time slice");
        };
    }

    /** The SQL for the key of a time slice, a {@code Date} as text. */
    String timeKey(String column) {
        return switch (this) {
            case DAY -> "toString(toDate(" + column + "))";
            case WEEK -> "toString(toMonday(toDate(" + column + ")))";
            case MONTH -> "toString(toStartOfMonth(toDate(" + column + ")))";
            default -> "'total'";
        };
    }

    /** The first day of the bucket holding {@code day}. */
    LocalDate bucketStart(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            default -> throw new IllegalStateException(this + " is not a time slice");
        };
    }

    /** The first day after the bucket holding {@code day}. */
    LocalDate bucketEnd(LocalDate day) {
        LocalDate start = bucketStart(day);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            default -> start.plusMonths(1);
        };
    }
}
