package com.freshloop.recommendation.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One shopper's repurchase profile: per item how often, how recently and at what rhythm they buy it,
 * and how much of their baskets are repeats. Computed from the history alone, so it is cheap enough to
 * rebuild on every order.
 */
public final class PurchaseProfile {

    /** Decay of older baskets in {@link ItemStats#decayed()}; TIFU-KNN's Ta-Feng within-basket rate. */
    public static final double DECAY = 0.9;

    /**
     * One item in the history.
     *
     * @param baskets baskets containing the item
     * @param lastBasket 0-based position of the most recent basket containing it
     * @param lastDay day of that basket
     * @param meanGapDays mean days between consecutive purchases (0 if bought once)
     * @param decayed {@code sum DECAY^(n-1-b)} over the baskets b containing it, divided by n
     */
    public record ItemStats(int item, int baskets, int lastBasket, int lastDay, double meanGapDays, double decayed) {}

    private final int basketCount;
    private final Map<Integer, ItemStats> items;
    private final double repeatShare;
    private final int lastDay;
    private final double meanGapDays;

    private PurchaseProfile(
            int basketCount, Map<Integer, ItemStats> items, double repeatShare, int lastDay, double meanGapDays) {
        this.basketCount = basketCount;
        this.items = items;
        this.repeatShare = repeatShare;
        this.lastDay = lastDay;
        this.meanGapDays = meanGapDays;
    }

    public static PurchaseProfile of(List<Basket> history) {
        int n = history.size();
        Map<Integer, int[]> raw = new HashMap<>(); // baskets, lastBasket, lastDay, firstDay
        Map<Integer, Double> decayed = new HashMap<>();
        double repeats = 0;
        int repeatBaskets = 0;
        for (int b = 0; b < n; b++) {
            Basket basket = history.get(b);
            double weight = Math.pow(DECAY, n - 1 - b) / n;
            int seen = 0;
            for (int item : basket.items()) {
                int[] stats = raw.get(item);
                if (stats == null) {
                    raw.put(item, new int[] {1, b, basket.day(), basket.day()});
                } else {
                    seen++;
                    stats[0]++;
                    stats[1] = b;
                    stats[2] = basket.day();
                }
                decayed.merge(item, weight, Double::sum);
            }
            if (b > 0 && basket.size() > 0) {
                repeats += seen / (double) basket.size();
                repeatBaskets++;
            }
        }
        Map<Integer, ItemStats> items = new HashMap<>(raw.size() * 2);
        raw.forEach((item, s) -> items.put(
                item,
                new ItemStats(
                        item,
                        s[0],
                        s[1],
                        s[2],
                        s[0] > 1 ? (s[2] - s[3]) / (double) (s[0] - 1) : 0,
                        decayed.get(item))));
        int first = n == 0 ? 0 : history.get(0).day();
        int last = n == 0 ? 0 : history.get(n - 1).day();
        return new PurchaseProfile(
                n,
                items,
                repeatBaskets == 0 ? 0 : repeats / repeatBaskets,
                last,
                n > 1 ? (last - first) / (double) (n - 1) : 0);
    }

    public int basketCount() {
        return basketCount;
    }

    public Map<Integer, ItemStats> items() {
        return items;
    }

    public ItemStats get(int item) {
        return items.get(item);
    }

    public boolean bought(int item) {
        return items.containsKey(item);
    }

    /** Mean share of each basket (after the first) made of items bought before. */
    public double repeatShare() {
        return repeatShare;
    }

    public int lastDay() {
        return lastDay;
    }

    /** Mean days between the shopper's baskets (0 with fewer than two). */
    public double meanGapDays() {
        return meanGapDays;
    }

    /**
     * The expected day of the next basket when the caller does not know it: the last basket's day plus
     * the shopper's mean gap (at least one day; for histories without dates this is the next position).
     */
    public double nextBasketDay() {
        return lastDay + Math.max(meanGapDays, 1);
    }

    /**
     * How close an item is to being due on {@code day}: 1 when the days since its last purchase equal
     * the shopper's mean gap for it, falling off symmetrically on a log scale; 0 if bought only once.
     */
    public double due(int item, double day) {
        ItemStats stats = items.get(item);
        if (stats == null || stats.baskets() < 2 || stats.meanGapDays() <= 0) {
            return 0;
        }
        double elapsed = Math.max(day - stats.lastDay(), 0.5);
        return Math.exp(-Math.abs(Math.log(elapsed / stats.meanGapDays())));
    }
}
