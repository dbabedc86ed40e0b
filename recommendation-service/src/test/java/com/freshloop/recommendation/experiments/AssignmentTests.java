package com.freshloop.recommendation.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssignmentTests {

    private static Experiment experiment(String key, int controlWeight, int treatmentWeight) {
        return new Experiment(
                1,
                key,
                key,
                Experiment.RUNNING,
                List.of(
                        new Experiment.Variant("control", controlWeight, "repurchase"),
                        new Experiment.Variant("ranker", treatmentWeight, "ranker")),
                Instant.EPOCH,
                Instant.EPOCH,
                null);
    }

    @Test
    void aShopperAlwaysGetsTheSameVariant() {
        Experiment experiment = experiment("ranker-vs-repurchase", 50, 50);
        for (int u = 0; u < 100; u++) {
            Assignment first = Assignment.of(experiment, "user-" + u);
            for (int i = 0; i < 3; i++) {
                assertThat(Assignment.of(experiment, "user-" + u)).isEqualTo(first);
            }
        }
    }

    @Test
    void trafficFollowsTheWeights() {
        Experiment experiment = experiment("split", 20, 80);
        Map<String, Integer> counts = new HashMap<>();
        int n = 20_000;
        for (int u = 0; u < n; u++) {
            counts.merge(Assignment.of(experiment, "u" + u).variant(), 1, Integer::sum);
        }
        assertThat(counts.get("control") / (double) n).isCloseTo(0.2, within(0.015));
        assertThat(counts.get("ranker") / (double) n).isCloseTo(0.8, within(0.015));
        long[] observed = {counts.get("control"), counts.get("ranker")};
        assertThat(Statistics.sampleRatio(observed, new double[] {20, 80}).mismatch())
                .isFalse();
    }

    @Test
    void differentExperimentsSplitShoppersIndependently() {
        Experiment a = experiment("a", 50, 50);
        Experiment b = experiment("b", 50, 50);
        int same = 0;
        int n = 10_000;
        for (int u = 0; u < n; u++) {
            if (Assignment.of(a, "u" + u)
                    .variant()
                    .equals(Assignment.of(b, "u" + u).variant())) {
                same++;
            }
        }
        assertThat(same / (double) n).isCloseTo(0.5, within(0.03));
    }
}
