package com.freshloop.marketing.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SendTimesTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void sendsAtTheActiveHourLaterToday() {
        // 10:00 in Shanghai -> 20:00 the same day
        assertThat(SendTimes.next(Instant.parse("2026-03-02T02:00:00Z"), 20, SHANGHAI, 22, 8))
                .isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
    }

    @Test
    void sendsTomorrowWhenTodaysActiveHourHasPassed() {
        assertThat(SendTimes.next(Instant.parse("2026-03-02T12:30:00Z"), 20, SHANGHAI, 22, 8))
                .isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
    }

    @Test
    void anActiveHourInQuietHoursMovesToTheirEnd() {
        assertThat(SendTimes.next(Instant.parse("2026-03-02T02:00:00Z"), 23, SHANGHAI, 22, 8))
                .isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(SendTimes.next(Instant.parse("2026-03-02T02:00:00Z"), 6, SHANGHAI, 22, 8))
                .isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void quietHoursWrapMidnight() {
        assertThat(SendTimes.quiet(22, 22, 8)).isTrue();
        assertThat(SendTimes.quiet(3, 22, 8)).isTrue();
        assertThat(SendTimes.quiet(8, 22, 8)).isFalse();
        assertThat(SendTimes.quiet(21, 22, 8)).isFalse();
        assertThat(SendTimes.quiet(13, 12, 14)).isTrue();
        assertThat(SendTimes.quiet(13, 0, 0)).isFalse();
    }

    @Test
    void theNextDayIsTheLocalNextDay() {
        // 23:30 on 2 March in Shanghai is 15:30Z; the next local day's 19:00 is 3 March 11:00Z
        assertThat(SendTimes.nextDay(Instant.parse("2026-03-02T15:30:00Z"), 19, SHANGHAI, 22, 8))
                .isEqualTo(Instant.parse("2026-03-03T11:00:00Z"));
    }
}
