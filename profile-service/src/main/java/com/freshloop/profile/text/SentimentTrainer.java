package com.freshloop.profile.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link SentimentModel}: vocabulary of n-grams seen in at least {@code minCount} texts,
 * naive-Bayes log-count ratios with add-{@code alpha} smoothing, then one or more linear members
 * over that vocabulary:
 *
 * <ul>
 *   <li>{@link Member#NB_SVM}: NBSVM (Wang and Manning, ACL 2012): binary features scaled by their
 *       log-count ratio, rows L2-normalised, squared-hinge linear SVM solved by dual coordinate
 *       descent (as liblinear's L2R_L2LOSS_SVC_DUAL, with a bias feature), then the interpolation
 *       {@code w = (1 - beta) * mean|w| + beta * w};
 *   <li>{@link Member#SVM}: the same SVM on plain binary features;
 *   <li>{@link Member#NB_LR} / {@link Member#LR}: L2 logistic regression by AdaGrad over shuffled
 *       epochs, on ratio-scaled / plain binary features, length-normalised by {@code 1/sqrt(n)}.
 * </ul>
 *
 * With several members the model averages their decision values, each divided by the standard
 * deviation of its decision values on the training texts. Given a {@link SentenceEncoder} and an
 * {@code embeddingWeight} above 0, it adds one more member: a squared-hinge linear SVM (same solver,
 * cost {@code embeddingC}) over the texts' sentence embeddings, each dimension standardised on the
 * training texts, that counts {@code embeddingWeight} times in the average. Deterministic for a seed.
 */
public final class SentimentTrainer {

    /** A labelled text: {@code positive} is the class. */
    public record Example(String text, boolean positive) {}

    /** A linear member of the model. */
    public enum Member {
        NB_SVM(true, true),
        SVM(false, true),
        NB_LR(true, false),
        LR(false, false);

        final boolean nbScaled;
        final boolean svm;

        Member(boolean nbScaled, boolean svm) {
            this.nbScaled = nbScaled;
            this.svm = svm;
        }
    }

    /**
     * @param minCount keep n-grams that occur in at least this many texts
     * @param alpha smoothing of the log-count ratios
     * @param members the linear models averaged (one or more)
     * @param nbSvmC SVM cost of {@link Member#NB_SVM}
     * @param beta NBSVM interpolation (1 = no interpolation)
     * @param svmC SVM cost of {@link Member#SVM}
     * @param l2 L2 penalty per example of the logistic-regression members
     * @param epochs passes over the data of the logistic-regression members
     * @param learningRate AdaGrad base rate of the logistic-regression members
     * @param seed shuffling seed
     * @param embeddingC SVM cost of the embedding member
     * @param embeddingWeight weight of the embedding member in the average (0 = no such member)
     */
    public record Settings(
            int minCount,
            double alpha,
            List<Member> members,
            double nbSvmC,
            double beta,
            double svmC,
            double l2,
            int epochs,
            double learningRate,
            long seed,
            double embeddingC,
            double embeddingWeight) {

        public Settings {
            if (members.isEmpty()) {
                throw new IllegalArgumentException("at least one member");
            }
            members = List.copyOf(members);
        }

        /** Settings without an embedding member. */
        public Settings(
                int minCount,
                double alpha,
                List<Member> members,
                double nbSvmC,
                double beta,
                double svmC,
                double l2,
                int epochs,
                double learningRate,
                long seed) {
            this(minCount, alpha, members, nbSvmC, beta, svmC, l2, epochs, learningRate, seed, 0, 0);
        }

        /**
         * The product model: NBSVM (C 0.15, beta 0.75) + NB-LR + binary SVM (C 0.3) over n-grams, and,
         * when an encoder is given, an SVM (C 0.001) over the BGE sentence embedding weighing 1.5; all
         * chosen by repeated 5-fold cross-validation on the waimai_10k training rows
         * (docs/benchmarks.md).
         */
        public static Settings ensemble() {
            return new Settings(
                    2,
                    1.0,
                    List.of(Member.NB_SVM, Member.NB_LR, Member.SVM),
                    0.15,
                    0.75,
                    0.3,
                    1e-5,
                    12,
                    0.2,
                    42,
                    0.001,
                    1.5);
        }

        /** NB-LR alone (the product model before the ensemble). */
        public static Settings nbLr() {
            return single(Member.NB_LR);
        }

        /** Plain binary logistic regression, the baseline. */
        public static Settings plainLr() {
            return single(Member.LR);
        }

        public static Settings single(Member member) {
            return new Settings(2, 1.0, List.of(member), 0.15, 0.75, 0.3, 1e-5, 12, 0.2, 42);
        }
    }

    private static final int SVM_MAX_ITERATIONS = 200;
    private static final double SVM_TOLERANCE = 0.01;
    private static final int EMBEDDING_SVM_MAX_ITERATIONS = 300;

    private SentimentTrainer() {}

    /** Trains the n-gram members only. */
    public static SentimentModel train(List<Example> examples, Settings settings, String version) {
        return train(examples, settings, version, null);
    }

    /**
     * Trains the model; with an {@code encoder} (may be null) and an embedding weight above 0 it adds
     * the embedding member and keeps the encoder attached.
     */
    public static SentimentModel train(
            List<Example> examples, Settings settings, String version, SentenceEncoder encoder) {
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
        double sumPos = 0;
        double sumNeg = 0;
        for (int[] c : kept) {
            sumPos += c[1] + settings.alpha();
            sumNeg += c[0] + settings.alpha();
        }
        float[] ratio = new float[n];
        for (int i = 0; i < n; i++) {
            int[] c = kept.get(i);
            ratio[i] = (float) Math.log(((c[1] + settings.alpha()) / sumPos) / ((c[0] + settings.alpha()) / sumNeg));
        }
        int[][] rows = new int[docs.size()][];
        for (int d = 0; d < docs.size(); d++) {
            rows[d] = docs.get(d).stream()
                    .map(index::get)
                    .filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue)
                    .toArray();
        }
        boolean[] labels = new boolean[examples.size()];
        for (int d = 0; d < labels.length; d++) {
            labels[d] = examples.get(d).positive();
        }
        boolean single = settings.members().size() == 1;
        List<SentimentModel.Member> members = new ArrayList<>();
        for (Member kind : settings.members()) {
            float[] values = kind.nbScaled ? ratio : ones(n);
            SentimentModel.Member member = kind.svm
                    ? svm(
                            rows,
                            labels,
                            values,
                            kind == Member.NB_SVM ? settings.nbSvmC() : settings.svmC(),
                            kind == Member.NB_SVM ? settings.beta() : 1.0,
                            kind.nbScaled)
                    : logistic(rows, labels, values, settings, kind.nbScaled);
            if (!single) {
                member = member.withScale((float) trainingSpread(member, rows, ratio));
            }
            members.add(member);
        }
        // probabilities: the averaged, standardised score on the logistic member's logit scale
        float logitScale = 1f;
        if (!single) {
            for (SentimentModel.Member m : members) {
                if (!m.l2Normalised()) {
                    logitScale = m.scale();
                    break;
                }
            }
        }
        if (encoder == null || settings.embeddingWeight() <= 0) {
            return new SentimentModel(version, index, ratio, members, logitScale);
        }
        float[][] embeddings =
                encoder.encodeAll(examples.stream().map(Example::text).toList());
        SentimentModel.EmbeddingMember embedding = embeddingSvm(
                embeddings, labels, settings.embeddingC(), settings.embeddingWeight(), SentenceEncoder.NAME);
        return new SentimentModel(version, index, ratio, members, logitScale, embedding, encoder);
    }

    /**
     * The embedding member: squared-hinge SVM by dual coordinate descent on the embeddings, each
     * dimension standardised to mean 0 and standard deviation 1 on the training texts (folded into the
     * coefficients afterwards), with a constant bias feature 1; scaled by its training spread.
     */
    static SentimentModel.EmbeddingMember embeddingSvm(
            float[][] embeddings, boolean[] labels, double c, double weight, String encoder) {
        int m = embeddings.length;
        int d = embeddings[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (float[] e : embeddings) {
            for (int k = 0; k < d; k++) {
                mean[k] += e[k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= m;
        }
        for (float[] e : embeddings) {
            for (int k = 0; k < d; k++) {
                sd[k] += (e[k] - mean[k]) * (e[k] - mean[k]);
            }
        }
        for (int k = 0; k < d; k++) {
            sd[k] = Math.sqrt(sd[k] / m) + 1e-6;
        }
        double[][] x = new double[m][d];
        double diag = 0.5 / c;
        double[] qd = new double[m];
        for (int i = 0; i < m; i++) {
            double sq = 1;
            for (int k = 0; k < d; k++) {
                x[i][k] = (embeddings[i][k] - mean[k]) / sd[k];
                sq += x[i][k] * x[i][k];
            }
            qd[i] = sq + diag;
        }
        double[] w = new double[d];
        double b = 0;
        double[] alpha = new double[m];
        int[] order = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Random random = new Random(1);
        for (int iteration = 0; iteration < EMBEDDING_SVM_MAX_ITERATIONS; iteration++) {
            shuffle(order, random);
            double maxPg = Double.NEGATIVE_INFINITY;
            double minPg = Double.POSITIVE_INFINITY;
            for (int i : order) {
                int y = labels[i] ? 1 : -1;
                double[] row = x[i];
                double g = b;
                for (int k = 0; k < d; k++) {
                    g += w[k] * row[k];
                }
                g = g * y - 1 + alpha[i] * diag;
                double pg = alpha[i] == 0 ? Math.min(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[i];
                    alpha[i] = Math.max(old - g / qd[i], 0);
                    double step = (alpha[i] - old) * y;
                    for (int k = 0; k < d; k++) {
                        w[k] += step * row[k];
                    }
                    b += step;
                }
            }
            if (maxPg - minPg < SVM_TOLERANCE) {
                break;
            }
        }
        float[] coefficients = new float[d];
        double bias = b;
        for (int k = 0; k < d; k++) {
            coefficients[k] = (float) (w[k] / sd[k]);
            bias -= w[k] * mean[k] / sd[k];
        }
        SentimentModel.EmbeddingMember member =
                new SentimentModel.EmbeddingMember(encoder, coefficients, (float) bias, 1f, (float) weight);
        double sum = 0;
        double sumSq = 0;
        for (float[] e : embeddings) {
            double z = member.score(e);
            sum += z;
            sumSq += z * z;
        }
        double meanZ = sum / m;
        double spread = Math.sqrt(Math.max(0, sumSq / m - meanZ * meanZ));
        return new SentimentModel.EmbeddingMember(
                encoder, coefficients, (float) bias, spread > 1e-9 ? (float) spread : 1f, (float) weight);
    }

    private static float[] ones(int n) {
        float[] ones = new float[n];
        java.util.Arrays.fill(ones, 1f);
        return ones;
    }

    /** Standard deviation of a member's decision values over the training texts. */
    private static double trainingSpread(SentimentModel.Member member, int[][] rows, float[] ratio) {
        double sum = 0;
        double sumSq = 0;
        for (int[] row : rows) {
            double z = member.score(row, ratio);
            sum += z;
            sumSq += z * z;
        }
        double mean = sum / rows.length;
        double sd = Math.sqrt(Math.max(0, sumSq / rows.length - mean * mean));
        return sd > 1e-9 ? sd : 1.0;
    }

    /**
     * Squared-hinge (L2-loss) linear SVM by dual coordinate descent (Hsieh et al., ICML 2008), rows
     * L2-normalised, with a constant bias feature 1.
     */
    static SentimentModel.Member svm(
            int[][] rows, boolean[] labels, float[] values, double c, double beta, boolean nb) {
        int n = values.length;
        int m = rows.length;
        double[][] x = new double[m][];
        double diag = 0.5 / c;
        double[] qd = new double[m];
        for (int d = 0; d < m; d++) {
            int[] row = rows[d];
            double[] v = new double[row.length];
            double norm = 0;
            for (int k = 0; k < row.length; k++) {
                v[k] = values[row[k]];
                norm += v[k] * v[k];
            }
            double s = norm == 0 ? 1 : 1 / Math.sqrt(norm);
            double sq = 1;
            for (int k = 0; k < row.length; k++) {
                v[k] *= s;
                sq += v[k] * v[k];
            }
            x[d] = v;
            qd[d] = sq + diag;
        }
        double[] w = new double[n];
        double b = 0;
        double[] alpha = new double[m];
        int[] order = new int[m];
        for (int d = 0; d < m; d++) {
            order[d] = d;
        }
        Random random = new Random(1);
        for (int iteration = 0; iteration < SVM_MAX_ITERATIONS; iteration++) {
            shuffle(order, random);
            double maxPg = Double.NEGATIVE_INFINITY;
            double minPg = Double.POSITIVE_INFINITY;
            for (int d : order) {
                int[] row = rows[d];
                double[] v = x[d];
                int y = labels[d] ? 1 : -1;
                double g = b;
                for (int k = 0; k < row.length; k++) {
                    g += w[row[k]] * v[k];
                }
                g = g * y - 1 + alpha[d] * diag;
                double pg = alpha[d] == 0 ? Math.min(g, 0) : g;
                maxPg = Math.max(maxPg, pg);
                minPg = Math.min(minPg, pg);
                if (Math.abs(pg) > 1e-12) {
                    double old = alpha[d];
                    alpha[d] = Math.max(old - g / qd[d], 0);
                    double step = (alpha[d] - old) * y;
                    for (int k = 0; k < row.length; k++) {
                        w[row[k]] += step * v[k];
                    }
                    b += step;
                }
            }
            if (maxPg - minPg < SVM_TOLERANCE) {
                break;
            }
        }
        if (beta < 1 && n > 0) {
            double mean = 0;
            for (double wi : w) {
                mean += Math.abs(wi);
            }
            mean /= n;
            for (int i = 0; i < n; i++) {
                w[i] = (1 - beta) * mean + beta * w[i];
            }
        }
        return new SentimentModel.Member(nb, true, toFloat(w), (float) b, 1f);
    }

    /** L2 logistic regression by AdaGrad, rows scaled by 1/sqrt(number of features). */
    static SentimentModel.Member logistic(
            int[][] rows, boolean[] labels, float[] values, Settings settings, boolean nb) {
        int n = values.length;
        double positives = 0;
        for (boolean label : labels) {
            positives += label ? 1 : 0;
        }
        double negatives = labels.length - positives;
        double[] w = new double[n];
        double[] g2 = new double[n];
        double b = Math.log(Math.max(1, positives) / Math.max(1, negatives));
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
                    z += scale * values[i] * w[i];
                }
                double err = SentimentModel.sigmoid(z) - (labels[d] ? 1 : 0);
                for (int i : row) {
                    double grad = err * scale * values[i] + settings.l2() * w[i];
                    g2[i] += grad * grad;
                    w[i] -= settings.learningRate() * grad / (Math.sqrt(g2[i]) + 1e-8);
                }
                gb2 += err * err;
                b -= settings.learningRate() * err / (Math.sqrt(gb2) + 1e-8);
            }
        }
        return new SentimentModel.Member(nb, false, toFloat(w), (float) b, 1f);
    }

    private static float[] toFloat(double[] w) {
        float[] out = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = (float) w[i];
        }
        return out;
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
