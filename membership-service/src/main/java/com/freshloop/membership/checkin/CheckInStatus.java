package com.freshloop.membership.checkin;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A shopper's check-in calendar: the live streak, whether today is done, and recent days. */
public record CheckInStatus(
        String userId,
        int streak,
        boolean checkedInToday,
        @Nullable LocalDate lastDay,
        List<LocalDate> recentDays) {}
