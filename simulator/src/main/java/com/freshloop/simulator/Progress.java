package com.freshloop.simulator;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** One terminal line, redrawn with {@code \r}: a bar, the simulated date, events sent and events/s. */
final class Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong events = new AtomicLong();
    private final AtomicReference<LocalDate> simulatedDate = new AtomicReference<>();
    private volatile long lastDrawn;

    Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
    }

    void advance(long units, long sentEvents, LocalDate date) {
        done.addAndGet(units);
        events.addAndGet(sentEvents);
        simulatedDate.accumulateAndGet(date, (a, b) -> a == null || (b != null && b.isAfter(a)) ? b : a);
        long now = System.nanoTime();
        if (now - lastDrawn > 200_000_000L || done.get() >= total) {
            lastDrawn = now;
            draw();
        }
    }

    long events() {
        return events.get();
    }

    double seconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    double eventsPerSecond() {
        return events.get() / Math.max(0.001, seconds());
    }

    synchronized void draw() {
        out.print("\r" + line(label, done.get(), total, simulatedDate.get(), events.get(), eventsPerSecond()));
        out.flush();
    }

    void finish() {
        draw();
        out.println();
    }

    static String line(String label, long done, long total, LocalDate date, long events, double perSecond) {
        int filled = (int) Math.min(WIDTH, WIDTH * done / Math.max(1, total));
        return String.format(
                "SIMULATED %s [%s%s] %3d%% %s  %,d events  %,.0f ev/s ",
                label,
                "#".repeat(filled),
                ".".repeat(WIDTH - filled),
                100 * done / Math.max(1, total),
                date == null ? "----------" : date,
                events,
                perSecond);
    }
}
