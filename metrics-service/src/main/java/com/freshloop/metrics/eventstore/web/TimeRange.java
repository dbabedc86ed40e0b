package com.freshloop.metrics.eventstore.web;

import com.freshloop.starter.web.BadRequestException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The optional {@code from}/{@code to} query parameters, checked once for every endpoint. */
final class TimeRange {

    private TimeRange() {}

    static void check(@Nullable Instant from, @Nullable Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "must not be after to");
        }
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
