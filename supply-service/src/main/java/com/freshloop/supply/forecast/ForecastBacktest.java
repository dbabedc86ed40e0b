package com.freshloop.supply.forecast;

import com.freshloop.supply.forecast.ExponentialSmoothing.Season;
import com.freshloop.supply.forecast.ExponentialSmoothing.Trend;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The forecasting backtest of {@code ../shared/datasets/README.md}: daily units of the 20 best-selling
 * items, the last 28 days held out and forecast from everything before; MASE (seasonal-naive scale,
 * period 7) and RMSSE (M5) averaged over the series for the product forecaster, seasonal naive and
 * every single method. Writes the product forecaster's {@code series_id,date,forecast} to {@code --out}.
 *
 * <p>The "inner RMSSE" column repeats the protocol one window earlier, entirely inside the training
 * data (train on all but the last 56 days, score the 28 before the test): the product forecaster's
 * design was chosen on that column only, never on the test days.
 *
 * <p>Usage: {@code ForecastBacktest [--input CSV] --out FILE [--top 20] [--horizon 28] [--no-inner true]}
 */
public final class ForecastBacktest {

    private ForecastBacktest() {}

    /** One method's scores averaged over the series. */
    public record Score(String method, double mase, double rmsse, double innerRmsse) {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path input = Path.of(options.getOrDefault(
                "--input",
                System.getProperty("freshloop.datasets", "../shared/datasets") + "/groceries/Groceries_dataset.csv"));
        String out = options.get("--out");
        if (out == null) {
            System.err.println("usage: ForecastBacktest [--input CSV] --out FILE [--top 20] [--horizon 28]");
            System.exit(2);
        }
        int top = Integer.parseInt(options.getOrDefault("--top", "20"));
        int horizon = Integer.parseInt(options.getOrDefault("--horizon", "28"));
        long started = System.nanoTime();
        DailySeries data = DailySeries.read(input, top);
        List<Score> scores = run(data, horizon, Path.of(out), methods(), !options.containsKey("--no-inner"));
        print(System.out, input, data, horizon, scores, (System.nanoTime() - started) / 1e9);
    }

    /** The product forecaster first, then the baselines and each single method. */
    public static List<Forecaster> methods() {
        List<Forecaster> all = new ArrayList<>();
        all.add(Ensemble.product());
        all.add(Baselines.seasonalNaive(7));
        all.add(Baselines.meanOfLast(28));
        all.add(Baselines.meanOfLast(91));
        all.add(Baselines.meanOfLast(364));
        all.add(ExponentialSmoothing.simple());
        all.add(ExponentialSmoothing.holt());
        all.add(ExponentialSmoothing.dampedHolt());
        all.add(new ExponentialSmoothing(Trend.NONE, Season.ADDITIVE, 7));
        all.add(new ExponentialSmoothing(Trend.NONE, Season.MULTIPLICATIVE, 7));
        all.add(new ExponentialSmoothing(Trend.ADDITIVE, Season.ADDITIVE, 7));
        all.add(new ExponentialSmoothing(Trend.ADDITIVE, Season.MULTIPLICATIVE, 7));
        all.add(new ExponentialSmoothing(Trend.DAMPED, Season.ADDITIVE, 7));
        all.add(new ExponentialSmoothing(Trend.DAMPED, Season.MULTIPLICATIVE, 7));
        all.add(ExponentialSmoothing.auto(7));
        all.add(Sarima.auto(7));
        all.add(Intermittent.croston());
        all.add(Intermittent.tsb());
        all.add(new Ensemble("combination-median", Ensemble.defaultMembers(), Ensemble.Rule.MEDIAN, 28));
        all.add(new Ensemble("combination-inverse-mse", Ensemble.defaultMembers(), Ensemble.Rule.INVERSE_MSE, 28));
        all.add(new Ensemble("selection-inner-holdout", Ensemble.defaultMembers(), Ensemble.Rule.BEST, 28));
        return all;
    }

    /** Runs every method on every series; the first method's forecasts go to {@code out}. */
    public static List<Score> run(
            DailySeries data, int horizon, Path out, List<Forecaster> methods, boolean innerHoldout)
            throws IOException {
        List<String> names = new ArrayList<>(data.series().keySet());
        int n = names.size();
        double[][] mase = new double[methods.size()][n];
        double[][] rmsse = new double[methods.size()][n];
        double[][] inner = new double[methods.size()][n];
        double[][] productForecasts = new double[n][];
        IntStream.range(0, n).parallel().forEach(s -> {
            double[] y = data.series().get(names.get(s));
            double[] train = Arrays.copyOf(y, y.length - horizon);
            double[] test = Arrays.copyOfRange(y, y.length - horizon, y.length);
            for (int i = 0; i < methods.size(); i++) {
                double[] f = methods.get(i).forecast(train, horizon, 0.95).mean();
                if (i == 0) {
                    productForecasts[s] = f;
                }
                mase[i][s] = Accuracy.mase(train, test, f, 7);
                rmsse[i][s] = Accuracy.rmsse(train, test, f);
                if (innerHoldout) {
                    // the same protocol one window earlier, inside the training data: what choices are made on
                    double[] innerTrain = Arrays.copyOf(train, train.length - horizon);
                    double[] innerTest = Arrays.copyOfRange(train, train.length - horizon, train.length);
                    double[] g =
                            methods.get(i).forecast(innerTrain, horizon, 0.95).mean();
                    inner[i][s] = Accuracy.rmsse(innerTrain, innerTest, g);
                }
            }
        });
        if (out != null) {
            if (out.toAbsolutePath().getParent() != null) {
                Files.createDirectories(out.toAbsolutePath().getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                w.write("series_id,date,forecast\n");
                for (int s = 0; s < n; s++) {
                    int length = data.series().get(names.get(s)).length;
                    for (int h = 0; h < horizon; h++) {
                        String date =
                                data.start().plusDays(length - horizon + h).toString();
                        w.write(csv(names.get(s)) + "," + date + ","
                                + String.format(Locale.ROOT, "%.4f", productForecasts[s][h]) + "\n");
                    }
                }
            }
        }
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            scores.add(new Score(
                    methods.get(i).name(),
                    average(mase[i]),
                    average(rmsse[i]),
                    innerHoldout ? average(inner[i]) : Double.NaN));
        }
        return scores;
    }

    static void print(PrintStream out, Path input, DailySeries data, int horizon, List<Score> scores, double seconds) {
        out.printf(
                Locale.ROOT,
                "forecast backtest: %s, %d series from %s, last %d days held out (%.1f s)%n",
                input.getFileName(),
                data.series().size(),
                data.start(),
                horizon,
                seconds);
        out.printf(Locale.ROOT, "%-28s %8s %8s %14s%n", "method", "MASE", "RMSSE", "inner RMSSE");
        for (Score s : scores) {
            out.printf(Locale.ROOT, "%-28s %8.4f %8.4f %14.4f%n", s.method(), s.mase(), s.rmsse(), s.innerRmsse());
        }
    }

    private static double average(double[] v) {
        double s = 0;
        int c = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                c++;
            }
        }
        return c > 0 ? s / c : Double.NaN;
    }

    private static String csv(String v) {
        return v.contains(",") || v.contains("\"") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
