package com.freshloop.recommendation.offline;

import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.Metrics;
import com.freshloop.recommendation.model.Popularity;
import com.freshloop.recommendation.model.SparseVector;
import com.freshloop.recommendation.model.TifuKnn;
import com.freshloop.recommendation.model.TopK;
import java.util.List;

/**
 * A fair-baseline grid for TIFU-KNN on the validation split: the published grouping and decays, with
 * the neighbour count and alpha chosen by validation recall@10 + NDCG@10. Neighbours are searched once
 * with the largest k; smaller k use the nearest prefix, so the grid costs one search per shopper.
 */
final class TifuTuning {

    static final int[] NEIGHBOURS = {50, 100, 300, 600};
    static final double[] ALPHAS = {0.1, 0.3, 0.5, 0.7, 0.9};

    private TifuTuning() {}

    static TifuKnn.Parameters tune(NextBasketData validation, TifuKnn.Parameters published) {
        List<List<Basket>> histories = validation.histories();
        int itemCount = validation.itemCount();
        int maxK = NEIGHBOURS[NEIGHBOURS.length - 1];
        TifuKnn knn = new TifuKnn(histories, itemCount, published);
        Popularity popularity = Popularity.fit(histories, itemCount);
        int[] ranking = popularity.ranking();
        double[] counts = popularity.counts();
        double[][] objective = new double[NEIGHBOURS.length][ALPHAS.length];
        List<Integer> users = validation.testUsers();
        for (int u : users) {
            NextBasketData.User user = validation.users().get(u);
            SparseVector own = TifuKnn.decayedAverage(user.history(), itemCount, published);
            int[] nearest = knn.neighbours(TifuKnn.repeatVector(user.history(), itemCount, published), u, maxK);
            double[] sum = new double[itemCount];
            int used = 0;
            for (int ki = 0; ki < NEIGHBOURS.length; ki++) {
                int k = Math.min(NEIGHBOURS[ki], nearest.length);
                for (; used < k; used++) {
                    knn.poolAverage(nearest[used]).addTo(sum, 1);
                }
                for (int ai = 0; ai < ALPHAS.length; ai++) {
                    double alpha = ALPHAS[ai];
                    double[] merged = new double[itemCount];
                    for (int i = 0; i < itemCount; i++) {
                        merged[i] = used == 0 ? 0 : sum[i] * (1 - alpha) / used;
                    }
                    own.addTo(merged, alpha);
                    int[] top = TopK.select(merged, 10, counts, ranking, null);
                    objective[ki][ai] += Metrics.recall(top, user.target(), 10) + Metrics.ndcg(top, user.target(), 10);
                }
            }
        }
        int bestK = 0;
        int bestAlpha = 0;
        for (int ki = 0; ki < NEIGHBOURS.length; ki++) {
            for (int ai = 0; ai < ALPHAS.length; ai++) {
                if (objective[ki][ai] > objective[bestK][bestAlpha]) {
                    bestK = ki;
                    bestAlpha = ai;
                }
            }
        }
        return new TifuKnn.Parameters(
                NEIGHBOURS[bestK],
                published.withinDecay(),
                published.groupDecay(),
                ALPHAS[bestAlpha],
                published.groups());
    }
}
