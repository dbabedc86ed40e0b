package com.freshloop.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Shoppers generated from {@link DatasetStats} when the data set is missing (or with {@code --synthetic}):
 * each member gets a number of baskets drawn from the baskets-per-member distribution, on days spread over
 * the data's period; each basket's size comes from the basket-size distribution. Every member has one or
 * two staples among the most bought items, repurchased on that staple's cycle (its basket days are the
 * staple's cycle apart, with jitter); the remaining items are drawn by popularity, which keeps the category
 * mix. Deterministic: the same member number always gets the same baskets.
 */
public final class SyntheticShoppers {

    /** Synthetic member numbers start here, like the data set's (1000-5000). */
    static final int FIRST_MEMBER = 1000;

    private SyntheticShoppers() {}

    public static Map<Integer, List<Basket>> generate(DatasetStats stats, int members) {
        Map<Integer, List<Basket>> all = new TreeMap<>();
        for (int i = 0; i < members; i++) {
            int member = FIRST_MEMBER + i;
            all.put(member, member(stats, member));
        }
        return all;
    }

    static List<Basket> member(DatasetStats stats, int member) {
        int count = DatasetStats.draw(stats.basketsPerMember(), Hashing.unit("baskets", member));
        List<String> staples = stats.staples();
        String staple = staples.get(Hashing.below(staples.size(), "staple", member));
        double cycle = Math.max(7, stats.stapleCycleDays().get(staple));
        long span = ChronoUnit.DAYS.between(stats.firstDay(), stats.lastDay());
        // the first basket anywhere the member's baskets still fit in the period, the next a cycle later
        long firstOffset = Hashing.below((int) Math.max(1, span - (long) (cycle * (count - 1))), "start", member);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int b = 0; b < count; b++) {
            double jitter = (Hashing.unit("jitter", member, b) - 0.5) * cycle * 0.4;
            long offset = Math.min(span, Math.max(0, firstOffset + Math.round(b * cycle + jitter)));
            LocalDate day = stats.firstDay().plusDays(offset);
            while (days.contains(day) && day.isBefore(stats.lastDay())) {
                day = day.plusDays(1);
            }
            days.add(day);
        }
        List<Basket> baskets = new ArrayList<>();
        int b = 0;
        for (LocalDate day : days) {
            int size = DatasetStats.draw(stats.basketSizes(), Hashing.unit("size", member, b));
            List<String> items = new ArrayList<>();
            items.add(staple);
            for (int i = 1; i < size; i++) {
                items.add(DatasetStats.draw(stats.itemCounts(), Hashing.unit("item", member, b, i)));
            }
            baskets.add(new Basket(member, day, List.copyOf(items)));
            b++;
        }
        return List.copyOf(baskets);
    }
}
