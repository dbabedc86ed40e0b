package com.freshloop.membership.checkin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * Streak arithmetic, in the shopper's own time zone: a check-in on the local day after the last one
 * extends the streak, a missed local day starts again at 1, and a second check-in on the same local
 * day (or on an earlier one, after flying west) is no check-in at all.
 */
public final class Streaks {

    private final Clock clock;

    public Streaks(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param day the local day the check-in counts for
     * @param streak the streak including that day
     * @param counted false when the shopper had already checked in for that day (or a later one)
     */
    public record Decision(LocalDate day, int streak, boolean counted) {}

    /** The last check-in a decision starts from. */
    public record Last(LocalDate day, int streak) {}

    /** Today's local day in the zone, from this calculator's clock. */
    public LocalDate today(ZoneId zone) {
        return LocalDate.now(clock.withZone(zone));
    }

    public Decision checkIn(@Nullable Last last, ZoneId zone) {
        return decide(last, today(zone));
    }

    /** The streak shown: the last streak while it can still be extended today, otherwise 0. */
    public int current(@Nullable Last last, ZoneId zone) {
        if (last == null) {
            return 0;
        }
        LocalDate today = today(zone);
        return last.day().isBefore(today.minusDays(1)) ? 0 : last.streak();
    }

    static Decision decide(@Nullable Last last, LocalDate today) {
        if (last == null) {
            return new Decision(today, 1, true);
        }
        if (!last.day().isBefore(today)) {
            return new Decision(last.day(), last.streak(), false);
        }
        if (last.day().equals(today.minusDays(1))) {
            return new Decision(today, last.streak() + 1, true);
        }
        return new Decision(today, 1, true);
    }
}
