package com.freshloop.recommendation.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatisticsTests {

    @Test
    void twoProportionZTestMatchesTheTextbook() {
        // 200/1000 vs 250/1000: pooled 0.225, se = sqrt(0.225 * 0.775 * 0.002) = 0.018675, z = 2.6774
        Statistics.ProportionTest test = Statistics.twoProportion(200, 1000, 250, 1000);
        assertThat(test.control()).isEqualTo(0.2);
        assertThat(test.treatment()).isEqualTo(0.25);
        assertThat(test.lift()).isCloseTo(0.25, within(1e-12));
        assertThat(test.z()).isCloseTo(2.6774, within(1e-4));
        assertThat(test.pValue()).isCloseTo(0.00742, within(1e-4));
        assertThat(test.significant()).isTrue();
    }

    @Test
    void equalRatesAreNotSignificantAndEmptyGroupsAreHarmless() {
        assertThat(Statistics.twoProportion(100, 1000, 101, 1000).significant()).isFalse();
        assertThat(Statistics.twoProportion(0, 0, 5, 10).pValue()).isEqualTo(1.0);
        assertThat(Statistics.twoProportion(0, 10, 0, 10).pValue()).isEqualTo(1.0);
    }

    @Test
    void sampleRatioMismatchIsFlaggedOnlyForAClearlyBrokenSplit() {
        // 5000 vs 5100 on 50/50: chi2 = 0.990, p = 0.32
        Statistics.SampleRatio fine = Statistics.sampleRatio(new long[] {5000, 5100}, new double[] {1, 1});
        assertThat(fine.chiSquare()).isCloseTo(0.990, within(1e-3));
        assertThat(fine.pValue()).isCloseTo(0.3197, within(1e-3));
        assertThat(fine.mismatch()).isFalse();
        // 5000 vs 5500: chi2 = 23.8, p ~ 1e-6
        assertThat(Statistics.sampleRatio(new long[] {5000, 5500}, new double[] {1, 1})
                        .mismatch())
                .isTrue();
        assertThat(Statistics.sampleRatio(new long[] {0, 0}, new double[] {1, 1})
                        .mismatch())
                .isFalse();
    }
}
