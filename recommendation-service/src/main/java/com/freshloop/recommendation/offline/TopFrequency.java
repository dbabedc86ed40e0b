package com.freshloop.recommendation.offline;

import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.Popularity;
import com.freshloop.recommendation.model.TopK;
import java.util.List;

/**
 * The frequency baselines of the next-basket literature: G-TopFreq (globally most frequent items),
 * P-TopFreq (the shopper's own most frequent items; ties by recency, then global popularity) and
 * GP-TopFreq (P-TopFreq completed with G-TopFreq).
 */
final class TopFrequency {

    private static final double RECENCY = 100_000;

    private final Popularity popularity;
    private final int[] ranking;
    private final double[] counts;

    TopFrequency(Popularity popularity) {
        this.popularity = popularity;
        this.ranking = popularity.ranking();
        this.counts = popularity.counts();
    }

    int[] global(int k) {
        return popularity.top(k);
    }

    int[] personal(List<Basket> history, int k) {
        return TopK.select(personalScores(history), k, counts, null, null);
    }

    int[] personalThenGlobal(List<Basket> history, int k) {
        return TopK.select(personalScores(history), k, counts, ranking, null);
    }

    // Purchases decide, then the most recent basket with the item (then popularity as the tie-break).
    private double[] personalScores(List<Basket> history) {
        double[] scores = new double[popularity.itemCount()];
        int n = history.size();
        for (int b = 0; b < n; b++) {
            for (int item : history.get(b).items()) {
                double purchases = Math.floor(scores[item] / RECENCY) + 1;
                scores[item] = purchases * RECENCY + b + 1;
            }
        }
        return scores;
    }
}
