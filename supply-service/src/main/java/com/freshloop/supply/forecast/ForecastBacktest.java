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
 * <p>Regressors (optional): {@code --holidays CSV} is a holiday calendar in the format of
 * {@link HolidayCalendar} ({@code region,date,name,pre_days,post_days}; ISO dates; region {@code *} =
 * every region) and {@code --weather CSV} daily weather in the format of {@link Weather}
 * ({@code region,date,temperature_c,condition}). {@code --region R} picks the rows of one region
 * (default: every row of the holiday file; the weather file must then hold a single region). The same
 * regressors apply to every series (the data is one store). Forecasts are ex ante: the weather of the
 * forecast days is never read from the file, it is the climatology or persistence of what was observed
 * before them, as in the service when no weather forecast is supplied; holidays are known in advance.
 * With regressors every method gets them ({@link Forecaster#forecast(double[], Regressors, int,
 * double)}: the product forecaster and {@code arimax-auto} use them, univariate methods ignore them).
 * The Groceries data has no holiday or weather data, so its published figures use none.
 *
 * <p>Usage: {@code ForecastBacktest [--input CSV] --out FILE [--top 20] [--horizon 28] [--no-inner true]
 * [--holidays CSV] [--weather CSV] [--region R]}
 */
public final class ForecastBacktest {

    private ForecastBacktest() {}

    /** One method's scores averaged over the series. */
    public record Score(String method, double mase, double rmsse, double innerRmsse) {}

    /**
     * The regressors of the data's days: {@code forDays(history, horizon)} gives the columns for a
     * history of that many days from the data's start plus the horizon after it.
     */
    @FunctionalInterface
    public interface RegressorSource {
        Regressors forDays(int history, int horizon);

        RegressorSource NONE = (history, horizon) -> Regressors.none();
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        Path input = Path.of(options.getOrDefault(
                "--input",
                System.getProperty("freshloop.datasets", "../shared/datasets") + "/groceries/Groceries_dataset.csv"));
        String out = options.get("--out");
        if (out == null) {
            System.err.println("usage: ForecastBacktest [--input CSV] --out FILE [--top 20] [--horizon 28]"
                    + " [--holidays CSV] [--weather CSV] [--region R]");
            System.exit(2);
        }
        int top = Integer.parseInt(options.getOrDefault("--top", "20"));
        int horizon = Integer.parseInt(options.getOrDefault("--horizon", "28"));
        long started = System.nanoTime();
        DailySeries data = DailySeries.read(input, top);
        String region = options.get("--region");
        HolidayCalendar holidays = options.containsKey("--holidays")
                ? HolidayCalendar.read(Files.newBufferedReader(Path.of(options.get("--holidays"))))
                : null;
        Weather weather = options.containsKey("--weather")
                ? weatherOf(Weather.read(Files.newBufferedReader(Path.of(options.get("--weather")))), region)
                : null;
        RegressorSource regressors = regressors(data.start(), holidays, weather, region);
        List<Forecaster> methods = methods();
        if (holidays != null || weather != null) {
            methods.add(1, Arimax.auto(7));
        }
        List<Score> scores = run(data, horizon, Path.of(out), methods, !options.containsKey("--no-inner"), regressors);
        print(System.out, input, data, horizon, scores, (System.nanoTime() - started) / 1e9);
        System.out.println("regressors: "
                + (holidays == null ? "no holiday calendar" : "holidays from " + options.get("--holidays"))
                + ", " + (weather == null ? "no weather" : "weather from " + options.get("--weather")));
    }

    private static Weather weatherOf(Map<String, Weather> byRegion, String region) throws IOException {
        if (region != null) {
            Weather w = byRegion.get(region);
            if (w == null) {
                throw new IOException("no weather rows for region " + region);
            }
            return w;
        }
        if (byRegion.size() != 1) {
            throw new IOException("the weather CSV holds " + byRegion.size() + " regions: pass --region");
        }
        return byRegion.values().iterator().next();
    }

    /**
     * Holiday indicators and ex-ante weather: the weather of the forecast days is never taken from the
     * observations, only from climatology or persistence of the days before them.
     */
    static RegressorSource regressors(
            java.time.LocalDate start, HolidayCalendar holidays, Weather weather, String region) {
        if (holidays == null && weather == null) {
            return RegressorSource.NONE;
        }
        return (history, horizon) -> {
            Regressors x = holidays == null ? Regressors.none() : holidays.columns(region, start, history + horizon);
            if (weather != null) {
                java.time.LocalDate end = start.plusDays(history);
                Weather before = new Weather(weather.days().headMap(end, false));
                x = x.and(before.columns(start, history, horizon));
            }
            return x;
        };
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
        return run(data, horizon, out, methods, innerHoldout, RegressorSource.NONE);
    }

    /** As above, each method given the regressors of its history and horizon. */
    public static List<Score> run(
            DailySeries data,
            int horizon,
            Path out,
            List<Forecaster> methods,
            boolean innerHoldout,
            RegressorSource regressors)
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
            Regressors x = regressors.forDays(train.length, horizon);
            Regressors innerX = regressors.forDays(train.length - horizon, horizon);
            for (int i = 0; i < methods.size(); i++) {
                double[] f = methods.get(i).forecast(train, x, horizon, 0.95).mean();
                if (i == 0) {
                    productForecasts[s] = f;
                }
                mase[i][s] = Accuracy.mase(train, test, f, 7);
                rmsse[i][s] = Accuracy.rmsse(train, test, f);
                if (innerHoldout) {
                    // the same protocol one window earlier, inside the training data: what choices are made on
                    double[] innerTrain = Arrays.copyOf(train, train.length - horizon);
                    double[] innerTest = Arrays.copyOfRange(train, train.length - horizon, train.length);
                    double[] g = methods.get(i)
                            .forecast(innerTrain, innerX, horizon, 0.95)
                            .mean();
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
