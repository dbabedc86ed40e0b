package com.freshloop.profile.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fits the behaviour clustering: standardise, run k-means++ for each k in a range, keep the k with
 * the best silhouette (computed on a fixed-size sample, so the choice costs the same for 10 thousand
 * or 1 million users), then assign every user and name the clusters.
 */
public final class Clustering {

    /**
     * @param minK smallest k tried
     * @param maxK largest k tried
     * @param seed seed of sampling and k-means++ seeding
     * @param silhouetteSample rows used to compute the silhouette of each k
     * @param selectionSample rows each candidate k is fitted on when choosing k
     * @param fitSample rows the chosen k is fitted on (all rows are assigned afterwards)
     * @param maxIterations Lloyd iterations per fit
     */
    public record Settings(
            int minK,
            int maxK,
            long seed,
            int silhouetteSample,
            int selectionSample,
            int fitSample,
            int maxIterations) {
        public static Settings defaults() {
            return new Settings(3, 8, 7, 3_000, 20_000, 200_000, 100);
        }
    }

    /**
     * A fitted model.
     *
     * @param scaler standardisation of the raw features
     * @param centroids standardised centroids
     * @param names readable cluster names
     * @param silhouette mean silhouette of the chosen k
     * @param silhouetteByK the silhouette of each k tried, from minK
     * @param assignment cluster of every input row
     */
    public record Model(
            BehaviourFeatures.Scaler scaler,
            double[][] centroids,
            List<String> names,
            double silhouette,
            double[] silhouetteByK,
            int[] assignment) {

        public int k() {
            return centroids.length;
        }

        public int assign(double[] rawRow) {
            return KMeans.nearest(scaler.transform(rawRow), centroids);
        }
    }

    private Clustering() {}

    public static Model fit(double[][] rawRows, Settings settings) {
        if (rawRows.length < settings.minK()) {
            throw new IllegalArgumentException("too few users to cluster: " + rawRows.length);
        }
        BehaviourFeatures.Scaler scaler = BehaviourFeatures.Scaler.fit(rawRows);
        double[][] z = new double[rawRows.length][];
        for (int i = 0; i < rawRows.length; i++) {
            z[i] = scaler.transform(rawRows[i]);
        }
        SplittableRandom random = new SplittableRandom(settings.seed());
        double[][] fitRows = sample(z, settings.fitSample(), random);
        double[][] selectionRows = sample(fitRows, settings.selectionSample(), random);
        double[][] silhouetteRows = sample(selectionRows, settings.silhouetteSample(), random);
        int maxK = Math.min(settings.maxK(), selectionRows.length - 1);
        double bestScore = -2;
        int bestK = settings.minK();
        List<Double> scores = new ArrayList<>();
        // choose k on a smaller sample: the silhouette of a k barely moves with more rows
        for (int k = settings.minK(); k <= maxK; k++) {
            KMeans.Result result = KMeans.fit(selectionRows, k, settings.seed() + k, settings.maxIterations());
            int[] sampleAssignment = new int[silhouetteRows.length];
            for (int i = 0; i < silhouetteRows.length; i++) {
                sampleAssignment[i] = KMeans.nearest(silhouetteRows[i], result.centroids());
            }
            double score = KMeans.silhouette(silhouetteRows, sampleAssignment, k);
            scores.add(score);
            if (score > bestScore) {
                bestScore = score;
                bestK = k;
            }
        }
        KMeans.Result best = fitRows == selectionRows
                ? KMeans.fit(selectionRows, bestK, settings.seed() + bestK, settings.maxIterations())
                : KMeans.fit(fitRows, bestK, settings.seed() + bestK, settings.maxIterations());
        int[] assignment = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            assignment[i] = KMeans.nearest(z[i], best.centroids());
        }
        List<String> names = ClusterNamer.names(best.centroids(), scaler);
        return new Model(
                scaler,
                best.centroids(),
                names,
                bestScore,
                scores.stream().mapToDouble(Double::doubleValue).toArray(),
                assignment);
    }

    /** A deterministic sample without replacement (partial Fisher-Yates over indices). */
    static double[][] sample(double[][] rows, int size, SplittableRandom random) {
        if (rows.length <= size) {
            return rows;
        }
        int[] index = new int[rows.length];
        for (int i = 0; i < index.length; i++) {
            index[i] = i;
        }
        double[][] sample = new double[size][];
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(rows.length - i);
            int t = index[i];
            index[i] = index[j];
            index[j] = t;
            sample[i] = rows[index[i]];
        }
        return sample;
    }
}
