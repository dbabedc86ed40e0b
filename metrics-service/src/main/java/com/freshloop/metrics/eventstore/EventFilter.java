package com.freshloop.metrics.eventstore;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which events to count; every part is optional.
 *
 * @param type the event type, e.g. {@code order.placed}
 * @param subject what the events are about, e.g. a user id
 * @param from event time, inclusive
 * @param to event time, exclusive
 */
public record EventFilter(
        @Nullable String type,
        @Nullable String subject,
        @Nullable Instant from,
        @Nullable Instant to) {

    public EventFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from must not be after to");
        }
    }

    public static EventFilter all() {
        return new EventFilter(null, null, null, null);
    }

    public static EventFilter subject(String subject) {
        return new EventFilter(null, subject, null, null);
    }
}
