package com.freshloop.profile.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RfmTests {

    @Test
    void everyScoreCombinationMapsToOneOfTheElevenSegments() {
        var seen = new java.util.HashSet<Segment>();
        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    seen.add(Segment.of(r, f, m));
                }
            }
        }
        assertThat(seen).containsExactlyInAnyOrder(Segment.values());
    }

    @Test
    void segmentMapFollowsTheStandardGrid() {
        assertThat(Segment.of(5, 5, 5)).isEqualTo(Segment.CHAMPIONS);
        assertThat(Segment.of(5, 1, 1)).isEqualTo(Segment.NEW);
        assertThat(Segment.of(4, 1, 1)).isEqualTo(Segment.PROMISING);
        assertThat(Segment.of(4, 5, 4)).isEqualTo(Segment.LOYAL);
        assertThat(Segment.of(3, 3, 3)).isEqualTo(Segment.NEED_ATTENTION);
        assertThat(Segment.of(3, 1, 2)).isEqualTo(Segment.ABOUT_TO_SLEEP);
        assertThat(Segment.of(2, 4, 3)).isEqualTo(Segment.AT_RISK);
        assertThat(Segment.of(1, 5, 5)).isEqualTo(Segment.CANT_LOSE);
        assertThat(Segment.of(2, 1, 2)).isEqualTo(Segment.HIBERNATING);
        assertThat(Segment.of(1, 1, 1)).isEqualTo(Segment.LOST);
        assertThatThrownBy(() -> Segment.of(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void quintileCutsScoreTheBestFifthFiveAndTheWorstFifthOne() {
        double[] recency = new double[100];
        double[] frequency = new double[100];
        double[] monetary = new double[100];
        for (int i = 0; i < 100; i++) {
            recency[i] = i; // days since last order
            frequency[i] = i + 1;
            monetary[i] = 10.0 * (i + 1);
        }
        RfmModel model = RfmModel.fit(Instant.EPOCH, 365, recency, frequency, monetary);
        assertThat(model.score(0, 100, 1000)).isEqualTo(new RfmModel.Scores(5, 5, 5));
        assertThat(model.score(99, 1, 10)).isEqualTo(new RfmModel.Scores(1, 1, 1));
        assertThat(model.score(50, 50, 500).code()).isEqualTo("3-3-3");
        int[] histogram = new int[6];
        for (int i = 0; i < 100; i++) {
            histogram[model.score(i, i + 1, 10.0 * (i + 1)).f()]++;
        }
        assertThat(histogram).containsExactly(0, 20, 20, 20, 20, 20);
    }

    @Test
    void tiedValuesGetTheSameScore() {
        double[] ones = new double[50];
        java.util.Arrays.fill(ones, 1);
        RfmModel model = RfmModel.fit(Instant.EPOCH, 365, ones.clone(), ones.clone(), ones.clone());
        assertThat(model.score(1, 1, 1)).isEqualTo(model.score(1, 1, 1));
        assertThat(model.score(1, 2, 2).f()).isEqualTo(5);
    }
}
