package com.freshloop.membership.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WeeksTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aWeekRunsFromMondayMidnightInTheBusinessZone() {
        // Sunday 23:30 in Shanghai is still week 48; 30 minutes later week 49 starts
        assertThat(Weeks.of(Instant.parse("2026-11-29T15:30:00Z"), SHANGHAI)).isEqualTo("2026-W48");
        assertThat(Weeks.of(Instant.parse("2026-11-29T16:00:00Z"), SHANGHAI)).isEqualTo("2026-W49");
        assertThat(Weeks.end("2026-W48", SHANGHAI)).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
    }

    @Test
    void theFirstDaysOfJanuaryCanBelongToTheLastWeekOfThePreviousYear() {
        assertThat(Weeks.of(Instant.parse("2027-01-01T04:00:00Z"), SHANGHAI)).isEqualTo("2026-W53");
        assertThat(Weeks.of(Instant.parse("2025-12-30T04:00:00Z"), SHANGHAI)).isEqualTo("2026-W01");
        assertThat(Weeks.end("2026-W01", SHANGHAI)).isEqualTo(Instant.parse("2026-01-04T16:00:00Z"));
    }

    @Test
    void othersAreMaskedOnTheBoard() {
        assertThat(Leaderboard.mask("u-12345")).isEqualTo("u-1***");
        assertThat(Leaderboard.mask("ab")).isEqualTo("***");
    }
}
