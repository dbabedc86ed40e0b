package com.freshloop.supply.spoilage;

import com.freshloop.supply.forecast.DailySeries;
import com.freshloop.supply.forecast.Ensemble;
import com.freshloop.supply.forecast.Forecast;
import com.freshloop.supply.forecast.Forecaster;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Replays the last {@code --days} days of real daily demand through a store that orders once a day
 * (delivered next morning), sells first-expiring units first and throws away what passes its shelf
 * life, under two ordering policies:
 *
 * <ul>
 *   <li><b>naive</b>: order up to 1.5 x the mean of the last 7 days, for the days until the next
 *       delivery is used up (a fixed 50 % buffer, the usual store rule);
 *   <li><b>forecast</b>: order up to the forecast demand over the same days plus z(service level) x
 *       its standard deviation (98 % for staples, 95 % otherwise), the model refitted weekly;
 *   <li><b>forecast mean only</b>: the same without safety stock, to show the trade-off.
 * </ul>
 *
 * Reports spoilage % (units thrown away / units received) and stock-out % (demand not served /
 * demand). Usage: {@code SpoilageSimulation [--input CSV] [--top 20] [--days 56]}.
 */
public final class SpoilageSimulation {

    /** What happened to one policy over all items. */
    public record Result(String policy, long demand, long sold, long received, long spoiled, long unmet) {

        public double spoilagePercent() {
            return received == 0 ? 0 : 100.0 * spoiled / received;
        }

        public double stockOutPercent() {
            return demand == 0 ? 0 : 100.0 * unmet / demand;
        }

        Result plus(Result o) {
            return new Result(
                    policy,
                    demand + o.demand,
                    sold + o.sold,
                    received + o.received,
                    spoiled + o.spoiled,
                    unmet + o.unmet);
        }
    }

    /** The stock level to order up to for tomorrow, from the demand seen so far. */
    public interface Policy {
        String name();

        int orderUpTo(double[] seen, int shelfLifeDays, boolean staple);
    }

    private SpoilageSimulation() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        Path input = Path.of(options.getOrDefault(
                "--input",
                System.getProperty("freshloop.datasets", "../shared/datasets") + "/groceries/Groceries_dataset.csv"));
        int top = Integer.parseInt(options.getOrDefault("--top", "20"));
        int days = Integer.parseInt(options.getOrDefault("--days", "56"));
        DailySeries data = DailySeries.read(input, top);
        List<Result> results = run(
                data.series(),
                days,
                List.of(naive(), forecastDriven(Ensemble.product(), false), forecastDriven(Ensemble.product(), true)));
        report(System.out, input.getFileName().toString(), data.series().size(), days, results);
    }

    /** Simulates each policy over the last {@code days} of every series. */
    public static List<Result> run(Map<String, double[]> series, int days, List<Policy> policies) {
        List<Result> results = new ArrayList<>();
        for (Policy policy : policies) {
            Result total = new Result(policy.name(), 0, 0, 0, 0, 0);
            for (Map.Entry<String, double[]> e : series.entrySet()) {
                total = total.plus(simulate(e.getValue(), days, shelfLife(e.getKey()), staple(e.getKey()), policy));
            }
            results.add(total);
        }
        return results;
    }

    static Result simulate(double[] y, int days, int shelfLife, boolean staple, Policy policy) {
        int start = y.length - days;
        record Batch(int expires, int[] units) {}
        Deque<Batch> shelf = new ArrayDeque<>();
        long demand = 0;
        long sold = 0;
        long received = 0;
        long spoiled = 0;
        long unmet = 0;
        // opening stock: what the policy would have ordered the evening before
        int pending = policy.orderUpTo(Arrays.copyOf(y, start), shelfLife, staple);
        for (int t = start; t < y.length; t++) {
            if (pending > 0) {
                shelf.addLast(new Batch(t + shelfLife, new int[] {pending}));
                received += pending;
            }
            int want = (int) y[t];
            demand += want;
            // first expiring first
            for (Batch b : shelf) {
                int take = Math.min(want, b.units()[0]);
                b.units()[0] -= take;
                want -= take;
                sold += take;
                if (want == 0) {
                    break;
                }
            }
            unmet += want;
            // end of day: anything whose shelf life ends today is thrown away
            while (!shelf.isEmpty()
                    && (shelf.peekFirst().expires() <= t + 1
                            || shelf.peekFirst().units()[0] == 0)) {
                Batch b = shelf.pollFirst();
                if (b.expires() <= t + 1) {
                    spoiled += b.units()[0];
                }
            }
            int onHand = shelf.stream().mapToInt(b -> b.units()[0]).sum();
            int target = policy.orderUpTo(Arrays.copyOf(y, t + 1), shelfLife, staple);
            pending = Math.max(0, target - onHand);
        }
        return new Result(policy.name(), demand, sold, received, spoiled, unmet);
    }

    /** Covers the next day's sales plus a fixed 50 % buffer, from the last week's average. */
    public static Policy naive() {
        return new Policy() {
            @Override
            public String name() {
                return "naive (1.5 x last-7-day mean)";
            }

            @Override
            public int orderUpTo(double[] seen, int shelfLifeDays, boolean staple) {
                int n = seen.length;
                double mean =
                        Arrays.stream(seen, Math.max(0, n - 7), n).average().orElse(0);
                return (int) Math.ceil(1.5 * mean);
            }
        };
    }

    /** Next day's forecast plus safety stock at the item's service level; refitted every 7 days. */
    public static Policy forecastDriven(Forecaster forecaster) {
        return forecastDriven(forecaster, true);
    }

    /** Without safety stock: the forecast mean only, i.e. a 50 % service level per day. */
    public static Policy forecastDriven(Forecaster forecaster, boolean safetyStock) {
        return new Policy() {
            private final Map<Integer, Forecast> cache = new java.util.concurrent.ConcurrentHashMap<>();

            @Override
            public String name() {
                return "forecast (" + forecaster.name() + (safetyStock ? " + safety stock)" : " mean only)");
            }

            @Override
            public int orderUpTo(double[] seen, int shelfLifeDays, boolean staple) {
                int n = seen.length;
                int fittedAt = n - n % 7;
                // one fit per week of history, keyed by the series too (its sum identifies it here)
                int key = java.util.Objects.hash(fittedAt, Arrays.hashCode(Arrays.copyOf(seen, fittedAt)));
                Forecast f =
                        cache.computeIfAbsent(key, k -> forecaster.forecast(Arrays.copyOf(seen, fittedAt), 8, 0.95));
                int step = n - fittedAt;
                double z95 = Forecaster.z(0.95);
                double mean = f.mean()[step];
                double sd = (f.upper()[step] - f.mean()[step]) / z95;
                double z = safetyStock
                        ? new org.apache.commons.math3.distribution.NormalDistribution()
                                .inverseCumulativeProbability(staple ? 0.98 : 0.95)
                        : 0;
                return (int) Math.ceil(mean + z * sd);
            }
        };
    }

    /** Shelf life in days by product type; long-life goods keep for a year. */
    static int shelfLife(String item) {
        String s = item.toLowerCase(Locale.ROOT);
        return contains(s, "newspaper")
                ? 1
                : contains(s, "roll", "bun", "bread", "pastry")
                        ? 2
                        : contains(s, "vegetable", "sausage", "frankfurter", "pork", "beef", "chicken", "meat")
                                ? 3
                                : contains(s, "fruit", "milk", "cream", "egg")
                                        ? 5
                                        : contains(s, "yogurt", "cheese", "butter") ? 10 : 365;
    }

    static boolean staple(String item) {
        String s = item.toLowerCase(Locale.ROOT);
        return contains(s, "milk", "egg");
    }

    private static boolean contains(String s, String... parts) {
        for (String p : parts) {
            if (s.contains(p)) {
                return true;
            }
        }
        return false;
    }

    public static void report(PrintStream out, String source, int items, int days, List<Result> results) {
        out.printf(
                Locale.ROOT,
                "spoilage simulation: %s, %d items, last %d days, daily orders delivered next morning%n",
                source,
                items,
                days);
        out.printf(
                Locale.ROOT,
                "%-48s %9s %9s %9s %9s %10s %11s%n",
                "policy",
                "demand",
                "received",
                "spoiled",
                "unmet",
                "spoilage%",
                "stock-out%");
        for (Result r : results) {
            out.printf(
                    Locale.ROOT,
                    "%-48s %9d %9d %9d %9d %10.2f %11.2f%n",
                    r.policy(),
                    r.demand(),
                    r.received(),
                    r.spoiled(),
                    r.unmet(),
                    r.spoilagePercent(),
                    r.stockOutPercent());
        }
    }
}
