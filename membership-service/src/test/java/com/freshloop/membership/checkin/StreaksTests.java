package com.freshloop.membership.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StreaksTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

    private static Streaks at(String instant) {
        return new Streaks(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    @Test
    void theFirstCheckInStartsAStreakOfOneOnTheLocalDay() {
        // 2026-03-01T17:00Z is already 2 March in Shanghai (UTC+8)
        var decision = at("2026-03-01T17:00:00Z").checkIn(null, SHANGHAI);

        assertThat(decision).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 2), 1, true));
    }

    @Test
    void aCheckInJustAfterLocalMidnightExtendsTheStreakEvenIfOnlyMinutesPassed() {
        // 23:59 and 00:01 in Shanghai are 15:59Z and 16:01Z: two minutes, two local days
        var lateEvening = at("2026-03-01T15:59:00Z").checkIn(null, SHANGHAI);
        var justAfterMidnight = at("2026-03-01T16:01:00Z").checkIn(last(lateEvening), SHANGHAI);

        assertThat(lateEvening.day()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(justAfterMidnight).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 2), 2, true));
    }

    @Test
    void theSameInstantsAreOneLocalDayInAnotherZoneSoTheSecondCheckInDoesNotCount() {
        // 15:59Z and 16:01Z are 07:59 and 08:01 of 1 March in Los Angeles
        var first = at("2026-03-01T15:59:00Z").checkIn(null, LOS_ANGELES);
        var second = at("2026-03-01T16:01:00Z").checkIn(last(first), LOS_ANGELES);

        assertThat(first.day()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(second.counted()).isFalse();
        assertThat(second.streak()).isEqualTo(1);
    }

    @Test
    void midnightIsTheShoppersOwnMidnightNotUtcs() {
        // 23:30 and 00:30 in Los Angeles (UTC-8 in winter) are 07:30Z and 08:30Z the next UTC day
        var evening = at("2026-01-10T07:30:00Z").checkIn(null, LOS_ANGELES);
        var afterMidnight = at("2026-01-10T08:30:00Z").checkIn(last(evening), LOS_ANGELES);

        assertThat(evening.day()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(afterMidnight).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 1, 10), 2, true));
    }

    @Test
    void aZoneAheadOfUtcByFourteenHoursCountsTheNextDayWhileUtcIsStillOnThePreviousOne() {
        var decision = at("2026-06-30T10:30:00Z").checkIn(null, KIRITIMATI);

        assertThat(decision.day()).isEqualTo(LocalDate.of(2026, 7, 1));
    }

    @Test
    void aStreakCarriesAcrossADaylightSavingChange() {
        // Berlin springs forward on 29 March 2026; the 23-hour day is still one day
        var saturday = at("2026-03-28T21:00:00Z").checkIn(null, BERLIN); // 22:00 CET, 28 March
        var sunday = at("2026-03-29T21:00:00Z").checkIn(last(saturday), BERLIN); // 23:00 CEST, 29 March
        var monday = at("2026-03-29T22:30:00Z").checkIn(last(sunday), BERLIN); // 00:30 CEST, 30 March

        assertThat(sunday).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 29), 2, true));
        assertThat(monday).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 30), 3, true));
    }

    @Test
    void oneMissedLocalDayStartsTheStreakAgain() {
        var last = new Streaks.Last(LocalDate.of(2026, 3, 1), 6);

        var decision = at("2026-03-03T04:00:00Z").checkIn(last, SHANGHAI); // 3 March, 12:00 in Shanghai

        assertThat(decision).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 3), 1, true));
    }

    @Test
    void manyMissedDaysAlsoStartAgainAndTheShownStreakIsZeroOnceItCanNoLongerBeExtended() {
        var last = new Streaks.Last(LocalDate.of(2026, 2, 1), 20);

        assertThat(at("2026-03-03T04:00:00Z").checkIn(last, SHANGHAI).streak()).isEqualTo(1);
        assertThat(at("2026-03-03T04:00:00Z").current(last, SHANGHAI)).isZero();
        // the day after the last check-in the streak is still alive: it can be extended today
        assertThat(at("2026-02-02T04:00:00Z").current(last, SHANGHAI)).isEqualTo(20);
    }

    @Test
    void aSeventhConsecutiveDayGivesAStreakOfSeven() {
        Streaks.Last last = null;
        Streaks.Decision decision = null;
        for (int day = 0; day < 7; day++) {
            decision = at(Instant.parse("2026-03-01T02:00:00Z")
                            .plusSeconds(86_400L * day)
                            .toString())
                    .checkIn(last, SHANGHAI);
            last = last(decision);
        }

        assertThat(decision).isEqualTo(new Streaks.Decision(LocalDate.of(2026, 3, 7), 7, true));
    }

    @Test
    void flyingWestAfterCheckingInDoesNotGiveASecondCheckInForTheSameDay() {
        // checked in at 07:00 on 2 March in Shanghai; an hour later, in Los Angeles, it is still 1 March
        var shanghai = at("2026-03-01T23:00:00Z").checkIn(null, SHANGHAI);
        var losAngeles = at("2026-03-02T00:00:00Z").checkIn(last(shanghai), LOS_ANGELES);

        assertThat(shanghai.day()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(losAngeles.counted()).isFalse();
        assertThat(losAngeles.streak()).isEqualTo(1);
    }

    private static Streaks.Last last(Streaks.Decision decision) {
        return new Streaks.Last(decision.day(), decision.streak());
    }
}
