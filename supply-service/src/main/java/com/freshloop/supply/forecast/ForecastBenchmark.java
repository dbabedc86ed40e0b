package com.freshloop.supply.forecast;

import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Fitting throughput: forecasts {@code --series} synthetic two-year daily series (Poisson demand
 * around a level with a weekly profile, a slow trend and a yearly wave) with a chosen method on all
 * cores, and prints series per second. {@code --regressors true} also gives every series holiday
 * indicators (twelve one-day holidays a year, each with a one-day pre-holiday window) and a daily
 * temperature, which do not affect its demand: the cost of the regressor path, where AICc usually
 * rejects them.
 *
 * <p>Usage: {@code ForecastBenchmark [--series 10000] [--days 730] [--horizon 14] [--method freshloop|ets-auto|sarima-auto|ets-damped-hw|arimax-auto] [--threads N] [--regressors true]}
 */
public final class ForecastBenchmark {

    private ForecastBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = ForecastBacktest.options(args);
        int series = Integer.parseInt(options.getOrDefault("--series", "10000"));
        int days = Integer.parseInt(options.getOrDefault("--days", "730"));
        int horizon = Integer.parseInt(options.getOrDefault("--horizon", "14"));
        int threads = Integer.parseInt(options.getOrDefault(
                "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        Forecaster method = method(options.getOrDefault("--method", "freshloop"));
        boolean withRegressors = Boolean.parseBoolean(options.getOrDefault("--regressors", "false"));
        java.util.function.IntFunction<Regressors> regressors =
                i -> withRegressors ? regressors(days + horizon, i) : Regressors.none();
        // warm-up so the JIT has compiled the recursions before timing
        for (int i = 0; i < 20; i++) {
            method.forecast(synthetic(days, 1_000_000 + i), regressors.apply(i), horizon, 0.95);
        }
        AtomicLong checksum = new AtomicLong();
        long start = System.nanoTime();
        java.util.concurrent.ForkJoinPool pool = new java.util.concurrent.ForkJoinPool(threads);
        pool.submit(() -> IntStream.range(0, series).parallel().forEach(i -> {
                    Forecast f = method.forecast(synthetic(days, i), regressors.apply(i), horizon, 0.95);
                    checksum.addAndGet((long) f.mean()[0]);
                }))
                .get();
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "forecast benchmark: method=%s regressors=%s series=%d days=%d horizon=%d threads=%d: %.1f s, %.1f series/s (checksum %d)%n",
                method.name(),
                withRegressors,
                series,
                days,
                horizon,
                threads,
                seconds,
                series / seconds,
                checksum.get());
    }

    static Forecaster method(String name) {
        return switch (name) {
            case "freshloop" -> Ensemble.product();
            case "ets-auto" -> ExponentialSmoothing.auto(7);
            case "sarima-auto" -> Sarima.auto(7);
            case "arimax-auto" -> Arimax.auto(7);
            case "ets-damped-hw" ->
                new ExponentialSmoothing(ExponentialSmoothing.Trend.DAMPED, ExponentialSmoothing.Season.ADDITIVE, 7);
            default -> throw new IllegalArgumentException("unknown method " + name);
        };
    }

    /** Holiday indicators with pre-holiday windows and a noisy yearly temperature wave. */
    static Regressors regressors(int days, long seed) {
        java.util.List<Holiday> holidays = new java.util.ArrayList<>();
        java.time.LocalDate start = java.time.LocalDate.of(2024, 1, 1);
        for (int t = 10; t < days; t += 30) {
            holidays.add(new Holiday("*", start.plusDays(t), "h" + t, 1, 0));
        }
        Random random = new Random(seed);
        double[] temperature = new double[days];
        for (int t = 0; t < days; t++) {
            temperature[t] = 15 - 10 * Math.cos(2 * Math.PI * t / 365.25) + 3 * random.nextGaussian();
        }
        return new HolidayCalendar(holidays)
                .columns(null, start, days)
                .and(new Regressors(java.util.List.of(Weather.TEMPERATURE), new double[][] {temperature}));
    }

    /** A reproducible daily demand series. */
    static double[] synthetic(int days, long seed) {
        Random random = new Random(seed);
        double level = 0.5 + random.nextDouble() * 20;
        double trend = (random.nextDouble() - 0.5) * level / days;
        double[] weekly = new double[7];
        for (int j = 0; j < 7; j++) {
            weekly[j] = 0.8 + 0.4 * random.nextDouble();
        }
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            double lambda = Math.max(
                    0.05, (level + trend * t) * weekly[t % 7] * (1 + 0.1 * Math.sin(2 * Math.PI * t / 365.25)));
            y[t] = poisson(random, lambda);
        }
        return y;
    }

    private static int poisson(Random random, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * random.nextGaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
