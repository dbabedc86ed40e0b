package com.freshloop.metrics.kpi.web;

import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.Slice;
import com.freshloop.starter.web.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** The {@code from}/{@code to} and {@code groupBy} parameters every metric endpoint takes, checked once. */
public final class RequestPeriods {

    /** Without parameters a metric covers the last 30 days. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    /** Longer ranges are refused: they scan years of events for one screen. */
    public static final Duration MAX_SPAN = Duration.ofDays(731);

    private RequestPeriods() {}

    public static Period period(@Nullable Instant from, @Nullable Instant to, Clock clock) {
        return period(from, to, clock, "from", "to");
    }

    public static Period period(
            @Nullable Instant from, @Nullable Instant to, Clock clock, String fromName, String toName) {
        Instant end = to != null ? to : clock.instant();
        Instant start = from != null ? from : end.minus(DEFAULT_SPAN);
        if (!start.isBefore(end)) {
            throw new BadRequestException(fromName, "must be before " + toName);
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new BadRequestException(fromName, "the range must span at most " + MAX_SPAN.toDays() + " days");
        }
        if (end.getEpochSecond() > 0xFFFF_FFFFL) {
            throw new BadRequestException(toName, "must be before 2106");
        }
        return Period.of(start, end);
    }

    public static Slice slice(@Nullable String groupBy, Set<Slice> allowed) {
        return slice(groupBy, allowed, "groupBy");
    }

    public static Slice slice(@Nullable String value, Set<Slice> allowed, String field) {
        Slice slice = value == null || value.isBlank()
                ? Slice.TOTAL
                : Slice.parse(value).orElse(null);
        if (slice == null || !allowed.contains(slice)) {
            throw new BadRequestException(
                    field,
                    "must be one of " + allowed.stream().map(Slice::param).collect(Collectors.joining(", ")));
        }
        return slice;
    }
}
