package com.freshloop.marketing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The system clock, unless a test pins it to an instant; tests must {@link #reset()} when done. */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> pinned = new AtomicReference<>();

    public void set(Instant instant) {
        pinned.set(instant);
    }

    public void advance(Duration duration) {
        pinned.updateAndGet(i -> (i == null ? Instant.now() : i).plus(duration));
    }

    public void reset() {
        pinned.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = pinned.get();
        return at == null ? Instant.now() : at;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service works in UTC instants");
    }
}
