package com.freshloop.marketing.winback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ControlGroupTests {

    @Test
    void aUserAlwaysFallsInTheSameArm() {
        assertThat(ControlGroup.bucket("winback-silent", "u-42"))
                .isEqualTo(ControlGroup.bucket("winback-silent", "u-42"));
    }

    @Test
    void aboutTheConfiguredShareIsHeldOut() {
        long control = IntStream.range(0, 20_000)
                .filter(i -> ControlGroup.isControl("winback-silent", "u-" + i, 0.10))
                .count();
        assertThat(control).isBetween(1_800L, 2_200L);
    }

    @Test
    void noShareMeansNoControlGroupAndAllOfItMeansEveryone() {
        assertThat(IntStream.range(0, 1_000).noneMatch(i -> ControlGroup.isControl("c", "u-" + i, 0.0)))
                .isTrue();
        assertThat(IntStream.range(0, 1_000).allMatch(i -> ControlGroup.isControl("c", "u-" + i, 1.0)))
                .isTrue();
    }
}
