package com.freshloop.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Shapley values of games whose values are known, and the axioms that characterise them. */
class ShapleyTests {

    private static final double EPS = 1e-9;

    @Test
    void symmetricPlayersShareEqually() {
        // v(S) = |S|^2 depends only on the coalition's size: each of 4 players gets v(N) / 4
        double[] v = game(4, s -> Math.pow(Integer.bitCount(s), 2));

        assertThat(Shapley.values(v)).containsExactly(new double[] {4, 4, 4, 4}, within(EPS));
    }

    @Test
    void gloveGameGivesTheScarceSideTwoThirds() {
        // player 0 holds the only left glove, players 1 and 2 a right glove each; a pair is worth 1
        double[] v = game(3, s -> (s & 1) != 0 && (s & 6) != 0 ? 1 : 0);

        assertThat(Shapley.values(v)).containsExactly(new double[] {2 / 3.0, 1 / 6.0, 1 / 6.0}, within(EPS));
    }

    @Test
    void airportGameSplitsEachRunwaySegmentAmongItsUsers() {
        // cost of a coalition = the longest runway any member needs: 3, 7, 12
        double[] cost = {3, 7, 12};
        double[] v = game(3, s -> {
            double max = 0;
            for (int i = 0; i < 3; i++) {
                if ((s & (1 << i)) != 0) {
                    max = Math.max(max, cost[i]);
                }
            }
            return max;
        });

        // 3 shared by three, 4 more by the two longer, 5 more by the longest
        assertThat(Shapley.values(v)).containsExactly(new double[] {1, 1 + 2, 1 + 2 + 5}, within(EPS));
    }

    @Test
    void aNullPlayerGetsNothing() {
        // player 2 never changes a coalition's worth
        double[] v = game(4, s -> {
            int withoutNull = s & ~(1 << 2);
            return Integer.bitCount(withoutNull) * 10 + ((withoutNull & 1) != 0 ? 5 : 0);
        });

        double[] phi = Shapley.values(v);

        assertThat(phi[2]).isCloseTo(0, within(EPS));
        assertThat(phi[0]).isCloseTo(15, within(EPS));
        assertThat(phi[1]).isCloseTo(10, within(EPS));
    }

    @Test
    void valuesOfTheSumOfTwoGamesAreTheSumsOfTheirValues() {
        SplittableRandom random = new SplittableRandom(7);
        double[] v = randomGame(6, random);
        double[] w = randomGame(6, random);
        double[] sum = new double[v.length];
        for (int s = 0; s < v.length; s++) {
            sum[s] = v[s] + w[s];
        }

        double[] phiV = Shapley.values(v);
        double[] phiW = Shapley.values(w);
        double[] phiSum = Shapley.values(sum);

        for (int i = 0; i < 6; i++) {
            assertThat(phiSum[i]).isCloseTo(phiV[i] + phiW[i], within(EPS));
        }
    }

    @Test
    void twelvePlayersShareExactlyTheGrandCoalitionsWorth() {
        double[] v = randomGame(12, new SplittableRandom(12));

        double[] phi = Shapley.values(v);

        assertThat(phi).hasSize(12);
        assertThat(Arrays.stream(phi).sum()).isCloseTo(v[(1 << 12) - 1] - v[0], within(1e-6));
    }

    @Test
    void theSubsetGameSplitsEachJourneyEquallyAmongItsChannels() {
        // Zhao et al. (2018): with v(S) = conversions of journeys whose channel set is a subset of S,
        // phi_i = sum over channel sets T containing i of conversions(T) / |T|
        SplittableRandom random = new SplittableRandom(2018);
        int n = 12;
        double[] bySet = new double[1 << n];
        for (int k = 0; k < 300; k++) {
            bySet[random.nextInt(1 << n)] += 1 + random.nextInt(20);
        }
        double[] expected = new double[n];
        for (int set = 1; set < bySet.length; set++) {
            for (int i = 0; i < n; i++) {
                if ((set & (1 << i)) != 0) {
                    expected[i] += bySet[set] / Integer.bitCount(set);
                }
            }
        }

        assertThat(Shapley.values(Shapley.subsetGame(bySet))).containsExactly(expected, within(1e-6));
    }

    @Test
    void theSubsetGameIsTheSumOverSubsets() {
        double[] bySet = {1, 2, 3, 4}; // {}, {0}, {1}, {0,1}

        assertThat(Shapley.subsetGame(bySet)).containsExactly(1, 3, 4, 10);
    }

    @Test
    void refusesGamesItCannotSolveExactly() {
        assertThatIllegalArgumentException().isThrownBy(() -> Shapley.values(new double[6]));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Shapley.values(new double[1 << 13]))
                .withMessageContaining("12");
    }

    @Test
    void aGameWithoutPlayersHasNoValues() {
        assertThat(Shapley.values(new double[] {5})).isEmpty();
    }

    private static double[] game(int n, java.util.function.IntToDoubleFunction worth) {
        double[] v = new double[1 << n];
        for (int s = 0; s < v.length; s++) {
            v[s] = worth.applyAsDouble(s);
        }
        return v;
    }

    private static double[] randomGame(int n, SplittableRandom random) {
        return game(n, s -> s == 0 ? 0 : random.nextDouble() * 100);
    }
}
