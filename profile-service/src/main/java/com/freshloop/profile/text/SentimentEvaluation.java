package com.freshloop.profile.text;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./freshloop eval sentiment [--train CSV] [--test CSV] --out FILE [--model FILE]}.
 *
 * <p>Without {@code --train}/{@code --test} it follows the waimai_10k protocol of
 * {@code shared/datasets/README.md}: rows whose 0-based index % 5 == 0 are the test rows, the others
 * train. With both it trains on one file and predicts every row of the other. It prints accuracy and
 * macro-F1 of the product's model (NBSVM + NB-LR + SVM over n-grams, plus an SVM over the BGE sentence
 * embedding) and, from the same harness, of its n-gram part alone (the previous product), its
 * embedding member alone, the NB-LR model alone and a plain n-gram logistic regression baseline;
 * writes the product's predictions as {@code id,label}, and with {@code --model} saves the trained
 * model for the service to load. The encoder runs on {@code -Dfreshloop.encoder-threads} threads
 * (default: 2, or fewer processors); if it cannot start, the product is trained on n-grams only.
 */
public final class SentimentEvaluation {

    /** Accuracy and macro-F1 of binary predictions. */
    public record Scores(double accuracy, double macroF1) {}

    private SentimentEvaluation() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path datasets = Path.of(System.getProperty(
                "freshloop.datasets", System.getenv().getOrDefault("FRESHLOOP_DATASETS", "../shared/datasets")));
        Path out = Path.of(options.getOrDefault("out", "sentiment-predictions.csv"));
        List<LabelledCsv.Row> train;
        List<LabelledCsv.Row> test;
        String protocol;
        if (options.containsKey("train") || options.containsKey("test")) {
            if (!options.containsKey("train") || !options.containsKey("test")) {
                throw new IllegalArgumentException("--train and --test go together");
            }
            train = LabelledCsv.read(Path.of(options.get("train")));
            test = LabelledCsv.read(Path.of(options.get("test")));
            protocol = "train " + options.get("train") + ", test " + options.get("test");
        } else {
            List<LabelledCsv.Row> all = LabelledCsv.read(datasets.resolve("reviews/waimai_10k.csv"));
            train = all.stream().filter(r -> r.id() % 5 != 0).toList();
            test = all.stream().filter(r -> r.id() % 5 == 0).toList();
            protocol = "waimai_10k, test rows = index % 5 == 0";
        }
        System.out.printf(
                Locale.ROOT,
                "Sentiment evaluation (%s): %d train, %d test rows%n",
                protocol,
                train.size(),
                test.size());

        TextFeatures.warmUp();
        long start = System.nanoTime();
        SentenceEncoder encoder = encoder();
        double encoderSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        SentimentModel product = SentimentTrainer.train(
                examples(train),
                SentimentTrainer.Settings.ensemble(),
                encoder != null ? "nbsvm-bge-ens-v3" : "nbsvm-ens-v3",
                encoder);
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        SentimentModel nbLr = SentimentTrainer.train(examples(train), SentimentTrainer.Settings.nbLr(), "nblr");
        SentimentModel baseline =
                SentimentTrainer.train(examples(train), SentimentTrainer.Settings.plainLr(), "lr-baseline");

        start = System.nanoTime();
        List<SentimentModel.Parts> parts =
                product.parts(test.stream().map(LabelledCsv.Row::text).toList());
        double scoreSeconds = (System.nanoTime() - start) / 1e9;
        boolean[] predicted = new boolean[test.size()];
        boolean[] ngrams = new boolean[test.size()];
        boolean[] embedding = new boolean[test.size()];
        for (int i = 0; i < test.size(); i++) {
            predicted[i] = product.combine(parts.get(i)) >= 0;
            ngrams[i] = parts.get(i).ngrams() >= 0;
            embedding[i] = parts.get(i).embedding() >= 0;
        }
        System.out.printf(Locale.ROOT, "%-52s %9s %9s%n", "model", "accuracy", "macro-F1");
        print("freshloop n-gram ensemble + BGE member (product)", score(test, predicted));
        print("n-gram ensemble alone (NBSVM + NB-LR + SVM)", score(test, ngrams));
        if (encoder != null) {
            print("BGE-small-zh embedding SVM alone", score(test, embedding));
        }
        print("NB-LR alone (same n-grams)", score(test, predict(nbLr, test)));
        print("baseline LR (same n-grams)", score(test, predict(baseline, test)));
        System.out.printf(
                Locale.ROOT,
                "features %d; encoder start %.1f s, training %.1f s (embedding %d texts included), scoring %d texts %.1f s%n",
                product.features(),
                encoderSeconds,
                trainSeconds,
                encoder != null ? train.size() : 0,
                test.size(),
                scoreSeconds);

        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.println("id,label");
            for (int i = 0; i < test.size(); i++) {
                writer.println(test.get(i).id() + "," + (predicted[i] ? 1 : 0));
            }
        }
        System.out.println("predictions: " + out.toAbsolutePath());
        if (options.containsKey("model")) {
            Path model = Path.of(options.get("model"));
            if (model.getParent() != null) {
                Files.createDirectories(model.getParent());
            }
            try (OutputStream stream = Files.newOutputStream(model)) {
                product.write(stream);
            }
            System.out.println("model: " + model.toAbsolutePath());
        }
    }

    private static SentenceEncoder encoder() {
        int threads = Integer.getInteger(
                "freshloop.encoder-threads", Math.min(2, Runtime.getRuntime().availableProcessors()));
        try {
            return SentenceEncoder.load(threads);
        } catch (IOException e) {
            System.out.println("WARNING: " + e.getMessage() + "; training the n-gram members only");
            return null;
        }
    }

    private static void print(String name, Scores scores) {
        System.out.printf(Locale.ROOT, "%-52s %9.4f %9.4f%n", name, scores.accuracy(), scores.macroF1());
    }

    static List<SentimentTrainer.Example> examples(List<LabelledCsv.Row> rows) {
        return rows.stream()
                .map(r -> new SentimentTrainer.Example(r.text(), r.positive()))
                .toList();
    }

    static boolean[] predict(SentimentModel model, List<LabelledCsv.Row> rows) {
        boolean[] predicted = new boolean[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            predicted[i] = model.positive(rows.get(i).text()) >= 0.5;
        }
        return predicted;
    }

    public static Scores score(List<LabelledCsv.Row> rows, boolean[] predicted) {
        int tp = 0;
        int tn = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < rows.size(); i++) {
            boolean truth = rows.get(i).positive();
            if (predicted[i] && truth) {
                tp++;
            } else if (!predicted[i] && !truth) {
                tn++;
            } else if (predicted[i]) {
                fp++;
            } else {
                fn++;
            }
        }
        double accuracy = rows.isEmpty() ? 0 : (tp + tn) / (double) rows.size();
        double f1Pos = f1(tp, fp, fn);
        double f1Neg = f1(tn, fn, fp);
        return new Scores(accuracy, (f1Pos + f1Neg) / 2);
    }

    private static double f1(int tp, int fp, int fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(List.of(args));
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                options.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < rest.size()) {
                options.put(key, rest.get(++i));
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }
}
