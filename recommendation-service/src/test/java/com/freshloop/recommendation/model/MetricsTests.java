package com.freshloop.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTests {

    @Test
    void recallCountsHitsInTheTopKOverTheTruth() {
        int[] ranked = {5, 1, 9, 2};
        int[] truth = {1, 2, 3};
        assertThat(Metrics.recall(ranked, truth, 2)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(Metrics.recall(ranked, truth, 4)).isCloseTo(2 / 3.0, within(1e-12));
    }

    @Test
    void ndcgUsesBinaryGainsAndTheIdealOverMinOfTruthAndK() {
        int[] ranked = {5, 1, 9, 2};
        int[] truth = {1, 2, 3};
        double dcg = 1 / log2(3) + 1 / log2(5);
        double ideal = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(Metrics.ndcg(ranked, truth, 4)).isCloseTo(dcg / ideal, within(1e-12));
        // K = 2 < |truth|: the ideal has two hits only
        assertThat(Metrics.ndcg(ranked, truth, 2)).isCloseTo((1 / log2(3)) / (1 + 1 / log2(3)), within(1e-12));
        assertThat(Metrics.ndcg(new int[] {1, 2}, new int[] {2, 1}, 2)).isEqualTo(1.0);
    }

    @Test
    void hitRatioIsTheShareOfUsersWithAHit() {
        Metrics.Accumulator scores = new Metrics.Accumulator(10);
        scores.add(new int[] {1, 2}, new int[] {2});
        scores.add(new int[] {1, 2}, new int[] {3});
        assertThat(scores.phr(10)).isEqualTo(0.5);
        assertThat(scores.recall(10)).isEqualTo(0.5);
        assertThat(scores.users()).isEqualTo(2);
    }

    @Test
    void duplicateItemsInTheTruthCountOnce() {
        assertThat(Metrics.recall(new int[] {4}, new int[] {4, 4}, 10)).isEqualTo(1.0);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
