package com.freshloop.membership.leaderboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.regex.Pattern;

/** ISO weeks ({@code 2026-W48}, Monday to Sunday) in the business time zone. */
public final class Weeks {

    public static final String PATTERN = "\\d{4}-W\\d{2}";
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    private Weeks() {}

    public static String of(Instant instant, ZoneId zone) {
        return of(instant.atZone(zone).toLocalDate());
    }

    public static String of(LocalDate day) {
        return "%d-W%02d".formatted(day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** The first instant after the week (Monday 00:00 of the next week). */
    public static Instant end(String week, ZoneId zone) {
        var matcher = WEEK.matcher(week);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an ISO week: " + week);
        }
        LocalDate monday = LocalDate.of(Integer.parseInt(matcher.group(1)), 1, 4)
                .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(matcher.group(2)))
                .with(DayOfWeek.MONDAY);
        return monday.plusWeeks(1).atStartOfDay(zone).toInstant();
    }
}
