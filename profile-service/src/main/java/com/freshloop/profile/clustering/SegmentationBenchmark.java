package com.freshloop.profile.clustering;

import com.freshloop.profile.rfm.RfmModel;
import com.freshloop.profile.rfm.Segment;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code ./freshloop bench profile [USERS] [ORDER_LINES]}: the nightly batch's computation on
 * synthetic data — aggregate order lines per user, fit RFM quintiles and score everyone, choose k by
 * silhouette, fit k-means++ and assign every user — with the time of each phase and the peak heap.
 * Synthetic: order counts per user are geometric, basket sizes 1-8 lines, prices log-normal-ish.
 */
public final class SegmentationBenchmark {

    private SegmentationBenchmark() {}

    public static void main(String[] args) {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long targetLines = args.length > 1 ? Long.parseLong(args[1]) : 20_000_000L;
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        SplittableRandom random = new SplittableRandom(2026);
        double meanLinesPerUser = targetLines / (double) users;

        long t0 = System.nanoTime();
        double[] recency = new double[users];
        double[] frequency = new double[users];
        double[] monetary = new double[users];
        long[] units = new long[users];
        long[] fresh = new long[users];
        long[] coupons = new long[users];
        int[] hour = new int[users];
        int[] hourCounts = new int[24];
        long lines = 0;
        for (int u = 0; u < users; u++) {
            // each user has a basket size (lines per order) and an order count with the target mean
            int basket = 1 + random.nextInt(8);
            double meanOrders = meanLinesPerUser / 4.5;
            int orders = 1 + (int) Math.floor(Math.log(1 - random.nextDouble()) / Math.log(1 - 1 / meanOrders));
            double priceLevel = Math.exp(random.nextDouble() * 1.5);
            int favouriteHour = (7 + random.nextInt(16)) % 24;
            java.util.Arrays.fill(hourCounts, 0);
            double spend = 0;
            double minAge = Double.MAX_VALUE;
            for (int o = 0; o < orders; o++) {
                double age = random.nextDouble() * 365;
                minAge = Math.min(minAge, age);
                int h = random.nextInt(4) == 0 ? random.nextInt(24) : favouriteHour;
                hourCounts[h]++;
                if (random.nextInt(5) == 0) {
                    coupons[u]++;
                }
                for (int l = 0; l < basket; l++) {
                    int qty = 1 + random.nextInt(3);
                    double price = priceLevel * (2 + random.nextDouble() * 20);
                    spend += qty * price;
                    units[u] += qty;
                    if (random.nextInt(3) != 0) {
                        fresh[u] += qty;
                    }
                    lines++;
                }
            }
            recency[u] = minAge;
            frequency[u] = orders;
            monetary[u] = spend;
            int best = 0;
            for (int h = 1; h < 24; h++) {
                if (hourCounts[h] > hourCounts[best]) {
                    best = h;
                }
            }
            hour[u] = best;
        }
        long t1 = System.nanoTime();

        RfmModel rfm = RfmModel.fit(now, 365, recency.clone(), frequency.clone(), monetary.clone());
        Map<Segment, Integer> segments = new EnumMap<>(Segment.class);
        for (int u = 0; u < users; u++) {
            segments.merge(rfm.score(recency[u], frequency[u], monetary[u]).segment(), 1, Integer::sum);
        }
        long t2 = System.nanoTime();

        double[][] rows = new double[users][];
        for (int u = 0; u < users; u++) {
            rows[u] = BehaviourFeatures.row(
                    recency[u], (long) frequency[u], monetary[u], units[u], fresh[u], coupons[u], hour[u]);
        }
        Clustering.Model model = Clustering.fit(rows, Clustering.Settings.defaults());
        long t3 = System.nanoTime();

        long peakHeap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peakHeap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "users %,d, order lines %,d (synthetic)%n", users, lines);
        System.out.printf(Locale.ROOT, "aggregate order lines per user  %7.2f s%n", (t1 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "RFM quintiles + score all users %7.2f s%n", (t2 - t1) / 1e9);
        System.out.printf(
                Locale.ROOT,
                "clustering (k=%d..%d by silhouette, fit on %,d, assign all) %7.2f s%n",
                Clustering.Settings.defaults().minK(),
                Clustering.Settings.defaults().maxK(),
                Math.min(users, Clustering.Settings.defaults().fitSample()),
                (t3 - t2) / 1e9);
        System.out.printf(Locale.ROOT, "RFM + clustering total          %7.2f s%n", (t3 - t1) / 1e9);
        System.out.printf(Locale.ROOT, "end to end                      %7.2f s%n", (t3 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "peak heap                       %7.0f MiB%n", peakHeap / 1048576.0);
        System.out.printf(
                Locale.ROOT,
                "chosen k %d, silhouette %.3f, by k %s%n",
                model.k(),
                model.silhouette(),
                java.util.Arrays.toString(model.silhouetteByK()));
        for (int c = 0; c < model.k(); c++) {
            int size = 0;
            for (int a : model.assignment()) {
                if (a == c) {
                    size++;
                }
            }
            System.out.printf(
                    Locale.ROOT,
                    "  cluster %d %-40s %,9d users%n",
                    c,
                    model.names().get(c),
                    size);
        }
        segments.forEach((s, n) -> System.out.printf(Locale.ROOT, "  segment %-20s %,9d%n", s.label(), n));
    }
}
