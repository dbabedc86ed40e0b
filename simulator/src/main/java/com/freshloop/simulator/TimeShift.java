package com.freshloop.simulator;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Moves the data set's dates to the present: its last day becomes {@code today - 31 days}, so every replayed
 * shopper has been silent for at least 30 days when the replay ends (the win-back audience). Each member
 * shops at a preferred hour of the day (Asia/Shanghai), drawn from a hash of the member with the weights of
 * a grocery app's day (evening peak).
 */
public record TimeShift(long offsetDays) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int SILENT_DAYS = 31;

    // hours 7..22 with a morning bump and an evening peak
    private static final List<Integer> HOURS =
            List.of(7, 8, 8, 9, 10, 11, 12, 12, 13, 15, 17, 18, 19, 19, 20, 20, 20, 21, 21, 22);

    /** The shift that maps {@code lastDay} to {@code today - 31 days}. */
    public static TimeShift mapping(LocalDate lastDay, LocalDate today) {
        return new TimeShift(ChronoUnit.DAYS.between(lastDay, today.minusDays(SILENT_DAYS)));
    }

    public LocalDate shift(LocalDate date) {
        return date.plusDays(offsetDays);
    }

    /** The member's preferred hour of the day, 7 to 22. */
    public static int preferredHour(String userId) {
        return HOURS.get(Hashing.below(HOURS.size(), "hour", userId));
    }

    /** The instant of a shopping session: the shifted day at the member's hour plus a minute offset. */
    public Instant sessionStart(String userId, LocalDate datasetDate) {
        int minute = Hashing.below(40, "minute", userId, datasetDate);
        return shift(datasetDate)
                .atTime(preferredHour(userId), minute)
                .atZone(ZONE)
                .toInstant();
    }
}
