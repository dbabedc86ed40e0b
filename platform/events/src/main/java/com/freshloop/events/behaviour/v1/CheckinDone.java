package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/**
 * A shopper did the daily check-in.
 *
 * @param timeZone the shopper's IANA time zone, e.g. {@code Asia/Shanghai}; streaks are counted in it
 */
public record CheckinDone(String timeZone) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("timeZone", timeZone)
                .that(timeZone == null || timeZone.isBlank() || validZone(timeZone), "timeZone", "unknown time zone")
                .done();
    }

    private static boolean validZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
