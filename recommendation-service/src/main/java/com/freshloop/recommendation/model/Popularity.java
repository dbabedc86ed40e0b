package com.freshloop.recommendation.model;

import java.util.Arrays;
import java.util.List;

/** Global popularity: in how many baskets each item appears. The fallback when nothing else knows. */
public final class Popularity {

    private final long[] baskets;
    private final int[] ranking;
    private final long totalBaskets;

    private Popularity(long[] baskets, long totalBaskets) {
        this.baskets = baskets;
        this.totalBaskets = totalBaskets;
        Integer[] order = new Integer[baskets.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(baskets[b], baskets[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        this.ranking = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    public static Popularity fit(List<List<Basket>> histories, int itemCount) {
        long[] counts = new long[itemCount];
        long total = 0;
        for (List<Basket> history : histories) {
            for (Basket basket : history) {
                total++;
                for (int item : basket.items()) {
                    counts[item]++;
                }
            }
        }
        return new Popularity(counts, total);
    }

    public int itemCount() {
        return baskets.length;
    }

    /** Baskets containing the item. */
    public long count(int item) {
        return baskets[item];
    }

    /** Share of all baskets containing the item. */
    public double share(int item) {
        return totalBaskets == 0 ? 0 : baskets[item] / (double) totalBaskets;
    }

    public long totalBaskets() {
        return totalBaskets;
    }

    /** Every item, most popular first (ties: lower id). */
    public int[] ranking() {
        return ranking.clone();
    }

    /** The counts as doubles, for tie-breaking. */
    public double[] counts() {
        double[] counts = new double[baskets.length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = baskets[i];
        }
        return counts;
    }

    public int[] top(int k) {
        return Arrays.copyOf(ranking, Math.min(k, ranking.length));
    }
}
