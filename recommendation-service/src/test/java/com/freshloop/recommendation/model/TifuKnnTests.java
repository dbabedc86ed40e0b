package com.freshloop.recommendation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TifuKnnTests {

    private static List<Basket> history(int[]... baskets) {
        List<Basket> history = new java.util.ArrayList<>();
        for (int[] items : baskets) {
            history.add(new Basket(history.size(), items));
        }
        return history;
    }

    @Test
    void shortHistoriesMakeOneGroupPerBasketWithTheReferenceCodesGroupDecay() {
        var p = new TifuKnn.Parameters(1, 0.5, 0.5, 0.7, 3);
        // two baskets < three groups: each basket is a group; group g is weighted 0.5^(3-1-g), over 2 groups
        SparseVector v = TifuKnn.repeatVector(history(new int[] {0}, new int[] {1}), 3, p);
        assertThat(v.get(0)).isCloseTo(0.5 * Math.pow(0.5, 2) / 2, within(1e-12));
        assertThat(v.get(1)).isCloseTo(1.0 * Math.pow(0.5, 1) / 2, within(1e-12));
    }

    @Test
    void longHistoriesSplitIntoGroupsWithTheLongerGroupsLast() {
        var p = new TifuKnn.Parameters(1, 1.0, 1.0, 0.7, 2);
        // five baskets, two groups: sizes 2 and 3; item 0 only in basket 0 -> (1/2) / 2 groups
        SparseVector v = TifuKnn.repeatVector(
                history(new int[] {0}, new int[] {1}, new int[] {1}, new int[] {2}, new int[] {2}), 3, p);
        assertThat(v.get(0)).isCloseTo(0.5 / 2, within(1e-12));
        assertThat(v.get(1)).isCloseTo((0.5 + 1.0 / 3) / 2, within(1e-12));
        assertThat(v.get(2)).isCloseTo((2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void predictionBlendsTheOwnDecayedAverageWithTheNearestNeighbours() {
        var p = new TifuKnn.Parameters(1, 0.5, 1.0, 0.6, 7);
        List<List<Basket>> pool = List.of(
                history(new int[] {0, 1}, new int[] {0, 1}), // user 0: the query
                history(new int[] {0, 2}, new int[] {0, 2}), // user 1: close to 0
                history(new int[] {3}, new int[] {3}, new int[] {3})); // user 2: far
        TifuKnn knn = new TifuKnn(pool, 4, p);
        assertThat(knn.neighbours(TifuKnn.repeatVector(pool.get(0), 4, p), 0, 1))
                .containsExactly(1);
        double[] scores = knn.scores(pool.get(0), 0);
        double own = (0.5 + 1.0) / 2; // decayed average of item 0 (and 1) over two baskets
        assertThat(scores[0]).isCloseTo(0.6 * own + 0.4 * own, within(1e-12));
        assertThat(scores[1]).isCloseTo(0.6 * own, within(1e-12));
        assertThat(scores[2]).isCloseTo(0.4 * own, within(1e-12));
        assertThat(scores[3]).isZero();
        assertThat(TopK.select(scores, 2)).containsExactly(0, 1);
    }

    @Test
    void theSmallestSelectionIsOrderedAndStable() {
        assertThat(TifuKnn.smallest(new double[] {3, 1, 2, 1, 0}, 3)).containsExactly(4, 1, 3);
    }
}
