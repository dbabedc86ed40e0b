package com.freshloop.recommendation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Learns the ranker's blend weights on a validation split (shoppers predicting their last known basket
 * from the earlier ones, components fitted on the shortened histories): first a logistic regression of
 * "is in the target basket" on the candidate features, then a coordinate ascent of those weights on the
 * validation recall@10 + NDCG@10 itself, since the log-loss optimum is not the top-10 optimum.
 */
public final class RankerTraining {

    /** One validation example: history, the day of the target basket, TIFU pool index (or -1), target. */
    public record Example(List<Basket> history, double day, int self, int[] target) {}

    /**
     * Training settings.
     *
     * @param negativeRate share of negative candidates kept for the regression (only shifts the intercept)
     * @param l2 ridge penalty on standardised weights
     * @param ascentRounds coordinate-ascent rounds (0 = regression weights only)
     * @param ascentExamples at most this many examples in the ascent (a deterministic sample)
     */
    public record Settings(double negativeRate, double l2, int ascentRounds, int ascentExamples) {

        public static Settings defaults() {
            return new Settings(0.3, 1, 4, 100_000);
        }
    }

    /**
     * The learned weights: after the regression alone and after the ascent, with the validation
     * objective (mean recall@10 + NDCG@10 on the ascent sample) of each.
     */
    public record Result(
            double[] regressionWeights, double[] weights, double regressionObjective, double tunedObjective) {}

    private static final int K = 10;

    private RankerTraining() {}

    public static Result learn(
            NextBasketRanker.Components components,
            NextBasketRanker.Settings rankerSettings,
            List<Example> examples,
            Settings settings) {
        NextBasketRanker probe = new NextBasketRanker(components, rankerSettings, NextBasketRanker.defaultWeights());
        int d = NextBasketRanker.D;
        List<NextBasketRanker.Candidates> cached = new ArrayList<>();
        List<boolean[]> relevant = new ArrayList<>();
        List<Integer> truthSizes = new ArrayList<>();
        float[] rows = new float[1 << 20];
        boolean[] labels = new boolean[1 << 16];
        int used = 0;
        SplittableRandom random = new SplittableRandom(42);
        int stride = Math.max(1, (int) Math.ceil(examples.size() / (double) Math.max(1, settings.ascentExamples())));
        for (int e = 0; e < examples.size(); e++) {
            Example example = examples.get(e);
            NextBasketRanker.Candidates candidates = probe.candidates(example.history(), example.day(), example.self());
            boolean[] truth = new boolean[components.itemCount()];
            for (int item : example.target()) {
                truth[item] = true;
            }
            boolean[] positive = new boolean[candidates.size()];
            for (int c = 0; c < candidates.size(); c++) {
                positive[c] = truth[candidates.items()[c]];
                if (!positive[c] && random.nextDouble() >= settings.negativeRate()) {
                    continue;
                }
                if ((used + 1) * d > rows.length) {
                    rows = Arrays.copyOf(rows, rows.length * 2);
                }
                if (used + 1 > labels.length) {
                    labels = Arrays.copyOf(labels, labels.length * 2);
                }
                System.arraycopy(candidates.features(), c * d, rows, used * d, d);
                labels[used++] = positive[c];
            }
            if (settings.ascentRounds() > 0 && e % stride == 0) {
                cached.add(candidates);
                relevant.add(positive);
                truthSizes.add((int) Arrays.stream(example.target()).distinct().count());
            }
        }
        double[] regression = LogisticRegression.fit(rows, labels, used, d, settings.l2(), 30);
        double[] weights = regression.clone();
        if (cached.isEmpty()) {
            return new Result(regression, weights, Double.NaN, Double.NaN);
        }
        Objective objective = new Objective(cached, relevant, truthSizes, d);
        double start = objective.reset(weights);
        double best = start;
        double[] scale = featureScale(cached, d);
        double[] steps = {1, -1, 0.5, -0.5, 0.2, -0.2};
        for (int round = 0; round < settings.ascentRounds(); round++) {
            double size = 0.5 / (1 << round);
            for (int j = 1; j < d; j++) {
                double bestDelta = 0;
                for (double step : steps) {
                    double delta = step * size / scale[j];
                    double value = objective.valueWith(j, delta);
                    if (value > best + 1e-6) {
                        best = value;
                        bestDelta = delta;
                    }
                }
                if (bestDelta != 0) {
                    weights[j] += bestDelta;
                    objective.apply(j, bestDelta);
                }
            }
        }
        return new Result(regression, weights, start, best);
    }

    private static double[] featureScale(List<NextBasketRanker.Candidates> cached, int d) {
        double[] sum = new double[d];
        double[] squares = new double[d];
        long n = 0;
        for (NextBasketRanker.Candidates candidates : cached) {
            float[] f = candidates.features();
            for (int c = 0; c < candidates.size(); c++) {
                for (int j = 0; j < d; j++) {
                    sum[j] += f[c * d + j];
                    squares[j] += f[c * d + j] * (double) f[c * d + j];
                }
            }
            n += candidates.size();
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double mean = sum[j] / Math.max(n, 1);
            double sd = Math.sqrt(Math.max(squares[j] / Math.max(n, 1) - mean * mean, 0));
            scale[j] = sd < 1e-9 ? 1 : sd;
        }
        return scale;
    }

    /**
     * Mean recall@10 + NDCG@10 of the cached candidates; keeps every candidate's current score so that
     * trying a change of one weight costs one multiply-add per candidate.
     */
    private static final class Objective {

        private final List<NextBasketRanker.Candidates> candidates;
        private final List<boolean[]> relevant;
        private final List<Integer> truthSizes;
        private final int d;
        private final double[][] scores;
        private final double[] ideal = new double[K + 1];
        private final int[] top = new int[K];
        private final double[] topScores = new double[K];

        Objective(
                List<NextBasketRanker.Candidates> candidates,
                List<boolean[]> relevant,
                List<Integer> truthSizes,
                int d) {
            this.candidates = candidates;
            this.relevant = relevant;
            this.truthSizes = truthSizes;
            this.d = d;
            this.scores = new double[candidates.size()][];
            for (int i = 1; i <= K; i++) {
                ideal[i] = ideal[i - 1] + 1 / log2(i + 1);
            }
        }

        double reset(double[] weights) {
            for (int u = 0; u < candidates.size(); u++) {
                float[] f = candidates.get(u).features();
                int n = candidates.get(u).size();
                scores[u] = new double[n];
                for (int r = 0; r < n; r++) {
                    double s = 0;
                    for (int j = 0; j < d; j++) {
                        s += weights[j] * f[r * d + j];
                    }
                    scores[u][r] = s;
                }
            }
            return valueWith(0, 0);
        }

        void apply(int feature, double delta) {
            for (int u = 0; u < candidates.size(); u++) {
                float[] f = candidates.get(u).features();
                for (int r = 0; r < scores[u].length; r++) {
                    scores[u][r] += delta * f[r * d + feature];
                }
            }
        }

        double valueWith(int feature, double delta) {
            double total = 0;
            for (int u = 0; u < candidates.size(); u++) {
                float[] f = candidates.get(u).features();
                double[] s = scores[u];
                int size = 0;
                for (int r = 0; r < s.length; r++) {
                    double score = s[r] + delta * f[r * d + feature];
                    if (size < K || score > topScores[size - 1]) {
                        int at = size < K ? size++ : K - 1;
                        while (at > 0 && topScores[at - 1] < score) {
                            topScores[at] = topScores[at - 1];
                            top[at] = top[at - 1];
                            at--;
                        }
                        topScores[at] = score;
                        top[at] = r;
                    }
                }
                boolean[] positive = relevant.get(u);
                int hits = 0;
                double dcg = 0;
                for (int i = 0; i < size; i++) {
                    if (positive[top[i]]) {
                        hits++;
                        dcg += 1 / log2(i + 2);
                    }
                }
                int truth = truthSizes.get(u);
                total += hits / (double) truth + dcg / ideal[Math.min(truth, K)];
            }
            return total / candidates.size();
        }

        private static double log2(double x) {
            return Math.log(x) / Math.log(2);
        }
    }
}
