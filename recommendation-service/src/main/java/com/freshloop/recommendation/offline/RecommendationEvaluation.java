package com.freshloop.recommendation.offline;

import com.freshloop.recommendation.model.Basket;
import com.freshloop.recommendation.model.Metrics;
import com.freshloop.recommendation.model.NextBasketRanker;
import com.freshloop.recommendation.model.Popularity;
import com.freshloop.recommendation.model.PurchaseProfile;
import com.freshloop.recommendation.model.RankerTraining;
import com.freshloop.recommendation.model.TifuKnn;
import com.freshloop.recommendation.model.TopK;
import java.io.IOException;
import java.io.PrintStream;
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
 * {@code ./freshloop eval recommendations --dataset tafeng|groceries [--input PATH] --out FILE}.
 *
 * <p>Follows the next-basket protocols of shared/datasets/README.md. The product's ranker is tuned on a
 * validation split carved from the histories (every shopper loses the last history basket; the non-test
 * shoppers' lost baskets are the validation targets; 80 % of them fit the weights, 20 % check them), then
 * refitted on the full histories and scored on the test shoppers next to G-TopFreq, P-TopFreq,
 * GP-TopFreq and TIFU-KNN (published Ta-Feng parameters, and with k and alpha tuned on the same
 * validation split). Prints recall@10/20, NDCG@10/20 and PHR@10 and writes the product's top 20 per test
 * shopper as {@code user_id,rank,item_id}.
 */
public final class RecommendationEvaluation {

    static final int K = 20;

    /** Test scores of one method. */
    public record Row(String method, Metrics.Accumulator scores) {}

    /** Everything one evaluation produced. */
    public record Report(
            NextBasketData data,
            List<Row> validation,
            List<Row> test,
            double[] weights,
            TifuKnn.Parameters tunedTifu,
            Map<String, int[]> predictions) {

        public Row test(String method) {
            return test.stream()
                    .filter(r -> r.method().equals(method))
                    .findFirst()
                    .orElseThrow();
        }
    }

    public static final String PRODUCT = "freshloop ranker";

    private RecommendationEvaluation() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        String dataset = options.getOrDefault("dataset", "tafeng");
        Path out = Path.of(options.getOrDefault("out", "recommendations-" + dataset + ".csv"));
        long start = System.nanoTime();
        NextBasketData data = load(dataset, options.get("input"));
        PrintStream console = System.out;
        console.printf(
                Locale.ROOT,
                "%s: %d shoppers (%d test), %d items; loaded in %.1f s%n",
                data.name(),
                data.users().size(),
                data.testUsers().size(),
                data.itemCount(),
                seconds(start));
        Report report = evaluate(data, RankerTraining.Settings.defaults(), console);
        console.println();
        console.println("Validation (held-out 20 % of the validation shoppers):");
        table(console, report.validation());
        console.println();
        console.printf(
                Locale.ROOT,
                "Test (%d shoppers):%n",
                report.test().get(0).scores().users());
        table(console, report.test());
        write(out, data, report.predictions());
        console.printf(
                Locale.ROOT, "%nranked lists (top %d): %s; total %.0f s%n", K, out.toAbsolutePath(), seconds(start));
    }

    /** Runs the whole protocol on loaded data; progress goes to {@code log}. */
    public static Report evaluate(NextBasketData data, RankerTraining.Settings training, PrintStream log) {
        long start = System.nanoTime();
        NextBasketRanker.Settings settings = NextBasketRanker.Settings.defaults();

        // 1. Validation: components on the shortened histories, weights learned on 80 % of the targets.
        NextBasketData validation = data.validationSplit();
        NextBasketRanker.Components validationComponents =
                NextBasketRanker.Components.fit(validation.histories(), validation.itemCount(), settings);
        List<RankerTraining.Example> fit = new ArrayList<>();
        List<Integer> check = new ArrayList<>();
        for (int u : validation.testUsers()) {
            NextBasketData.User user = validation.users().get(u);
            if (Math.floorMod(user.id().hashCode(), 5) == 0) {
                check.add(u);
            } else {
                fit.add(new RankerTraining.Example(
                        user.history(), PurchaseProfile.of(user.history()).nextBasketDay(), u, user.target()));
            }
        }
        RankerTraining.Result learned = RankerTraining.learn(validationComponents, settings, fit, training);
        log.printf(
                Locale.ROOT,
                "validation: %d shoppers fit the weights, %d check them; learned in %.1f s"
                        + " (objective %.4f after the regression, %.4f after the ascent)%n",
                fit.size(),
                check.size(),
                seconds(start),
                learned.regressionObjective(),
                learned.tunedObjective());
        TifuKnn.Parameters tuned = TifuTuning.tune(validation, TifuKnn.Parameters.tafeng());
        log.printf(Locale.ROOT, "TIFU-KNN tuned on validation: k=%d alpha=%.1f%n", tuned.neighbours(), tuned.alpha());

        Methods validationMethods = new Methods(validation, validationComponents, tuned);
        Metrics.Accumulator regression = new Metrics.Accumulator(10, 20);
        Metrics.Accumulator ascent = new Metrics.Accumulator(10, 20);
        Map<String, Metrics.Accumulator> validationScores = validationMethods.accumulators();
        NextBasketRanker regressionRanker =
                new NextBasketRanker(validationComponents, settings, learned.regressionWeights());
        NextBasketRanker ascentRanker = new NextBasketRanker(validationComponents, settings, learned.weights());
        for (int u : check) {
            NextBasketData.User user = validation.users().get(u);
            double day = PurchaseProfile.of(user.history()).nextBasketDay();
            regression.add(regressionRanker.top(user.history(), day, K, u), user.target());
            ascent.add(ascentRanker.top(user.history(), day, K, u), user.target());
            validationMethods.addBaselines(validationScores, u, user);
        }
        // Keep the ascent only if it also helps the shoppers it did not see.
        boolean useAscent = objective(ascent) >= objective(regression);
        double[] weights = useAscent ? learned.weights() : learned.regressionWeights();
        List<Row> validationRows = new ArrayList<>();
        validationRows.add(new Row(PRODUCT + " (regression + ascent)" + (useAscent ? " *" : ""), ascent));
        validationRows.add(new Row(PRODUCT + " (regression only)" + (useAscent ? "" : " *"), regression));
        validationScores.forEach((name, scores) -> validationRows.add(new Row(name, scores)));
        log.printf(Locale.ROOT, "validation done in %.1f s%n", seconds(start));

        // 2. Test: everything refitted on the full histories.
        NextBasketRanker.Components components =
                NextBasketRanker.Components.fit(data.histories(), data.itemCount(), settings);
        NextBasketRanker ranker = new NextBasketRanker(components, settings, weights);
        Methods testMethods = new Methods(data, components, tuned);
        Map<String, Metrics.Accumulator> testScores = testMethods.accumulators();
        Metrics.Accumulator product = new Metrics.Accumulator(10, 20);
        Map<String, int[]> predictions = new LinkedHashMap<>();
        for (int u : data.testUsers()) {
            NextBasketData.User user = data.users().get(u);
            int[] top = ranker.top(
                    user.history(), PurchaseProfile.of(user.history()).nextBasketDay(), K, u);
            product.add(top, user.target());
            predictions.put(user.id(), top);
            testMethods.addBaselines(testScores, u, user);
        }
        List<Row> testRows = new ArrayList<>();
        testRows.add(new Row(PRODUCT, product));
        testScores.forEach((name, scores) -> testRows.add(new Row(name, scores)));
        log.printf(Locale.ROOT, "test done in %.1f s%n", seconds(start));
        return new Report(data, validationRows, testRows, weights, tuned, predictions);
    }

    /** The baselines of one split, sharing the ranker's popularity and TIFU-KNN index. */
    private static final class Methods {
        private final NextBasketData data;
        private final TopFrequency frequency;
        private final Popularity popularity;
        private final TifuKnn published;
        private final TifuKnn tuned;

        Methods(NextBasketData data, NextBasketRanker.Components components, TifuKnn.Parameters tunedParameters) {
            this.data = data;
            this.popularity = components.popularity();
            this.frequency = new TopFrequency(popularity);
            TifuKnn shared = components.neighbours();
            this.published = shared != null && shared.parameters().equals(TifuKnn.Parameters.tafeng())
                    ? shared
                    : new TifuKnn(data.histories(), data.itemCount(), TifuKnn.Parameters.tafeng());
            this.tuned = tunedParameters.equals(TifuKnn.Parameters.tafeng())
                    ? published
                    : new TifuKnn(data.histories(), data.itemCount(), tunedParameters);
        }

        Map<String, Metrics.Accumulator> accumulators() {
            Map<String, Metrics.Accumulator> scores = new LinkedHashMap<>();
            for (String name : List.of(
                    "TIFU-KNN (published Ta-Feng parameters)",
                    "TIFU-KNN (k, alpha tuned on validation)",
                    "GP-TopFreq",
                    "P-TopFreq",
                    "G-TopFreq")) {
                scores.put(name, new Metrics.Accumulator(10, 20));
            }
            return scores;
        }

        void addBaselines(Map<String, Metrics.Accumulator> scores, int u, NextBasketData.User user) {
            List<Basket> history = user.history();
            int[] truth = user.target();
            int[] ranking = popularity.ranking();
            double[] counts = popularity.counts();
            scores.get("TIFU-KNN (published Ta-Feng parameters)")
                    .add(TopK.select(published.scores(history, u), K, counts, ranking, null), truth);
            scores.get("TIFU-KNN (k, alpha tuned on validation)")
                    .add(TopK.select(tuned.scores(history, u), K, counts, ranking, null), truth);
            scores.get("GP-TopFreq").add(frequency.personalThenGlobal(history, K), truth);
            scores.get("P-TopFreq").add(frequency.personal(history, K), truth);
            scores.get("G-TopFreq").add(frequency.global(K), truth);
        }
    }

    static double objective(Metrics.Accumulator scores) {
        return scores.recall(10) + scores.ndcg(10);
    }

    static void table(PrintStream out, List<Row> rows) {
        out.printf(
                Locale.ROOT,
                "%-48s %9s %8s %9s %8s %7s%n",
                "method",
                "recall@10",
                "NDCG@10",
                "recall@20",
                "NDCG@20",
                "PHR@10");
        for (Row row : rows) {
            Metrics.Accumulator s = row.scores();
            out.printf(
                    Locale.ROOT,
                    "%-48s %9.4f %8.4f %9.4f %8.4f %7.4f%n",
                    row.method(),
                    s.recall(10),
                    s.ndcg(10),
                    s.recall(20),
                    s.ndcg(20),
                    s.phr(10));
        }
    }

    static void write(Path out, NextBasketData data, Map<String, int[]> predictions) throws IOException {
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            writer.println("user_id,rank,item_id");
            predictions.forEach((user, items) -> {
                for (int rank = 0; rank < items.length; rank++) {
                    writer.println(csv(user) + "," + (rank + 1) + ","
                            + csv(data.itemLabels().get(items[rank])));
                }
            });
        }
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    static NextBasketData load(String dataset, String input) throws IOException {
        return switch (dataset) {
            case "tafeng" ->
                Datasets.tafeng(input != null ? Path.of(input) : Datasets.root().resolve("tafeng"));
            case "groceries" ->
                Datasets.groceries(
                        input != null ? Path.of(input) : Datasets.root().resolve("groceries/Groceries_dataset.csv"));
            default -> throw new IllegalArgumentException("--dataset must be tafeng or groceries, not " + dataset);
        };
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            String key = arg.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                options.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        return options;
    }
}
