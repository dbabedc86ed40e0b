package com.freshloop.profile.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link SentimentModel}: vocabulary of n-grams seen in at least {@code minCount} texts,
 * naive-Bayes log-count ratios with add-{@code alpha} smoothing, then L2-regularised logistic
 * regression by AdaGrad over shuffled epochs. Deterministic for a seed.
 */
public final class SentimentTrainer {

    /** A labelled text: {@code positive} is the class. */
    public record Example(String text, boolean positive) {}

    /**
     * @param minCount keep n-grams that occur in at least this many texts
     * @param alpha smoothing of the log-count ratios
     * @param nbScaling scale features by their NB ratio (NB-LR); false gives plain binary LR
     * @param l2 L2 penalty per example
     * @param epochs passes over the data
     * @param learningRate AdaGrad base rate
     * @param seed shuffling seed
     */
    public record Settings(
            int minCount, double alpha, boolean nbScaling, double l2, int epochs, double learningRate, long seed) {

        public static Settings nbLr() {
            return new Settings(2, 1.0, true, 1e-5, 12, 0.2, 42);
        }

        public static Settings plainLr() {
            return new Settings(2, 1.0, false, 1e-5, 12, 0.2, 42);
        }
    }

    private SentimentTrainer() {}

    public static SentimentModel train(List<Example> examples, Settings settings, String version) {
        List<Set<String>> docs = new ArrayList<>(examples.size());
        Map<String, int[]> counts = new HashMap<>();
        for (Example example : examples) {
            Set<String> features = TextFeatures.of(example.text());
            docs.add(features);
            for (String f : features) {
                int[] c = counts.computeIfAbsent(f, k -> new int[2]);
                c[example.positive() ? 1 : 0]++;
            }
        }
        Map<String, Integer> index = new HashMap<>();
        List<int[]> kept = new ArrayList<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue()[0] + e.getValue()[1] >= settings.minCount())
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> {
                    index.put(e.getKey(), index.size());
                    kept.add(e.getValue());
                });
        int n = index.size();
        double positives = examples.stream().filter(Example::positive).count();
        double negatives = examples.size() - positives;
        double sumPos = 0;
        double sumNeg = 0;
        for (int[] c : kept) {
            sumPos += c[1] + settings.alpha();
            sumNeg += c[0] + settings.alpha();
        }
        float[] ratio = new float[n];
        for (int i = 0; i < n; i++) {
            int[] c = kept.get(i);
            ratio[i] = settings.nbScaling()
                    ? (float) Math.log(((c[1] + settings.alpha()) / sumPos) / ((c[0] + settings.alpha()) / sumNeg))
                    : 1f;
        }
        int[][] rows = new int[docs.size()][];
        for (int d = 0; d < docs.size(); d++) {
            rows[d] = docs.get(d).stream()
                    .map(index::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        double[] w = new double[n];
        double[] g2 = new double[n];
        double b = Math.log(positives / Math.max(1, negatives));
        double gb2 = 0;
        int[] order = new int[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(settings.seed());
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(order, random);
            for (int d : order) {
                int[] row = rows[d];
                double scale = 1.0 / Math.sqrt(Math.max(1, row.length));
                double z = b;
                for (int i : row) {
                    z += scale * ratio[i] * w[i];
                }
                double y = examples.get(d).positive() ? 1 : 0;
                double err = SentimentModel.sigmoid(z) - y;
                for (int i : row) {
                    double grad = err * scale * ratio[i] + settings.l2() * w[i];
                    g2[i] += grad * grad;
                    w[i] -= settings.learningRate() * grad / (Math.sqrt(g2[i]) + 1e-8);
                }
                gb2 += err * err;
                b -= settings.learningRate() * err / (Math.sqrt(gb2) + 1e-8);
            }
        }
        float[] weight = new float[n];
        for (int i = 0; i < n; i++) {
            weight[i] = (float) w[i];
        }
        return new SentimentModel(version, index, ratio, weight, (float) b);
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
