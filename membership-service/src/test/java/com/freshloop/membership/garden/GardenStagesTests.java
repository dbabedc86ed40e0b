package com.freshloop.membership.garden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GardenStagesTests {

    @Test
    void aCropPassesThroughItsStagesAsItIsWatered() {
        assertThat(Garden.stage(0, 100)).isEqualTo("seed");
        assertThat(Garden.stage(10, 100)).isEqualTo("sprout");
        assertThat(Garden.stage(40, 100)).isEqualTo("growing");
        assertThat(Garden.stage(70, 100)).isEqualTo("flowering");
        assertThat(Garden.stage(99, 100)).isEqualTo("flowering");
        assertThat(Garden.stage(100, 100)).isEqualTo("ripe");
        assertThat(Garden.stage(130, 100)).isEqualTo("ripe");
    }
}
