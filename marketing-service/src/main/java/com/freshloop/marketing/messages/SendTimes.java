package com.freshloop.marketing.messages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a message for a user goes out: their active hour, moved out of quiet hours. Pure, for unit tests. */
final class SendTimes {

    private SendTimes() {}

    /** Whether the local hour falls in quiet hours; a window like 22-8 wraps midnight. */
    static boolean quiet(int hour, int quietFrom, int quietUntil) {
        if (quietFrom == quietUntil) {
            return false;
        }
        return quietFrom < quietUntil ? hour >= quietFrom && hour < quietUntil : hour >= quietFrom || hour < quietUntil;
    }

    /** The send hour for a user: the active hour, or the end of quiet hours when the active hour is quiet. */
    static int sendHour(int activeHour, int quietFrom, int quietUntil) {
        return quiet(activeHour, quietFrom, quietUntil) ? quietUntil : activeHour;
    }

    /** The first moment at or after {@code notBefore} that is the user's send hour in the zone. */
    static Instant next(Instant notBefore, int activeHour, ZoneId zone, int quietFrom, int quietUntil) {
        int hour = sendHour(activeHour, quietFrom, quietUntil);
        ZonedDateTime local = notBefore.atZone(zone);
        ZonedDateTime candidate = local.toLocalDate().atTime(hour, 0).atZone(zone);
        if (candidate.toInstant().isBefore(notBefore)) {
            candidate = local.toLocalDate().plusDays(1).atTime(hour, 0).atZone(zone);
        }
        return candidate.toInstant();
    }

    /** The send hour on the local day after the one {@code at} falls in. */
    static Instant nextDay(Instant at, int activeHour, ZoneId zone, int quietFrom, int quietUntil) {
        LocalDate tomorrow = at.atZone(zone).toLocalDate().plusDays(1);
        return next(tomorrow.atStartOfDay(zone).toInstant(), activeHour, zone, quietFrom, quietUntil);
    }

    static Instant startOfDay(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }
}
