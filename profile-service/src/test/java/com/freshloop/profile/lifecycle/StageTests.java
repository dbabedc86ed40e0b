package com.freshloop.profile.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StageTests {

    final Stage.Rules rules = Stage.Rules.defaults();
    final Instant now = Instant.parse("2026-06-01T00:00:00Z");

    @Test
    void stageFollowsTheDaysSinceTheLastOrder() {
        assertThat(rules.of(0, null, now)).isEqualTo(Stage.NEW);
        assertThat(rules.of(1, now.minus(Duration.ofDays(3)), now)).isEqualTo(Stage.NEW);
        assertThat(rules.of(5, now.minus(Duration.ofDays(20)), now)).isEqualTo(Stage.ACTIVE);
        assertThat(rules.of(5, now.minus(Duration.ofDays(21)), now)).isEqualTo(Stage.AT_RISK);
        assertThat(rules.of(5, now.minus(Duration.ofDays(30)), now)).isEqualTo(Stage.SILENT_30D);
        assertThat(rules.of(1, now.minus(Duration.ofDays(45)), now)).isEqualTo(Stage.SILENT_30D);
        assertThat(rules.of(5, now.minus(Duration.ofDays(90)), now)).isEqualTo(Stage.CHURNED);
    }

    @Test
    void codesRoundTrip() {
        for (Stage s : Stage.values()) {
            assertThat(Stage.fromCode(s.code())).isEqualTo(s);
        }
    }
}
