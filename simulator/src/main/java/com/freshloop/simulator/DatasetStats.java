package com.freshloop.simulator;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics the synthetic shoppers are calibrated on: basket sizes, baskets per member, item
 * popularity (hence the category mix) and the purchase cycle of the staples (mean days between two
 * purchases of the same item by the same member). Computed from the data set when it is there; otherwise
 * {@link #defaults()}, which were measured on it (Groceries dataset, 2014-2015: 14,963 baskets, mean 2.6
 * items, 3.8 baskets per member, staples such as whole milk bought again by the same member every ~215
 * days on average).
 *
 * @param basketSizes basket size -> number of baskets
 * @param basketsPerMember baskets -> number of members
 * @param itemCounts item name -> rows bought, most bought first
 * @param stapleCycleDays staple item -> mean days between repurchases by one member
 * @param firstDay first day of the data
 * @param lastDay last day of the data
 */
public record DatasetStats(
        Map<Integer, Integer> basketSizes,
        Map<Integer, Integer> basketsPerMember,
        Map<String, Integer> itemCounts,
        Map<String, Double> stapleCycleDays,
        LocalDate firstDay,
        LocalDate lastDay) {

    static final int STAPLES = 10;

    public static DatasetStats of(Map<Integer, List<Basket>> baskets) {
        Map<Integer, Integer> sizes = new TreeMap<>();
        Map<Integer, Integer> perMember = new TreeMap<>();
        Map<String, Integer> counts = new HashMap<>();
        LocalDate first = LocalDate.MAX;
        LocalDate last = LocalDate.MIN;
        for (List<Basket> memberBaskets : baskets.values()) {
            perMember.merge(memberBaskets.size(), 1, Integer::sum);
            for (Basket basket : memberBaskets) {
                sizes.merge(basket.items().size(), 1, Integer::sum);
                basket.items().forEach(item -> counts.merge(item, 1, Integer::sum));
                first = basket.date().isBefore(first) ? basket.date() : first;
                last = basket.date().isAfter(last) ? basket.date() : last;
            }
        }
        Map<String, Integer> ranked = rank(counts);
        Map<String, Double> cycles = new LinkedHashMap<>();
        ranked.keySet().stream().limit(STAPLES).forEach(item -> cycles.put(item, meanCycle(baskets, item)));
        return new DatasetStats(sizes, perMember, ranked, cycles, first, last);
    }

    private static double meanCycle(Map<Integer, List<Basket>> baskets, String item) {
        long days = 0;
        long gaps = 0;
        for (List<Basket> memberBaskets : baskets.values()) {
            LocalDate previous = null;
            for (Basket basket : memberBaskets) {
                if (basket.items().contains(item)) {
                    if (previous != null) {
                        days += ChronoUnit.DAYS.between(previous, basket.date());
                        gaps++;
                    }
                    previous = basket.date();
                }
            }
        }
        return gaps == 0 ? 60.0 : (double) days / gaps;
    }

    private static Map<String, Integer> rank(Map<String, Integer> counts) {
        Map<String, Integer> ranked = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ranked.put(e.getKey(), e.getValue()));
        return ranked;
    }

    /** Documented defaults, rounded from the Groceries data set, for when it is not on this machine. */
    public static DatasetStats defaults() {
        Map<Integer, Integer> sizes =
                new TreeMap<>(Map.of(2, 10080, 3, 2698, 4, 1390, 5, 344, 6, 175, 7, 80, 8, 145, 9, 50, 11, 1));
        Map<Integer, Integer> perMember =
                new TreeMap<>(Map.of(1, 349, 2, 689, 3, 811, 4, 767, 5, 552, 6, 381, 7, 208, 8, 67, 9, 48, 10, 26));
        Map<String, Integer> items = new LinkedHashMap<>();
        String[][] table = {
            {"whole milk", "2500"}, {"other vegetables", "1900"}, {"rolls/buns", "1700"}, {"soda", "1500"},
            {"yogurt", "1300"}, {"root vegetables", "1070"}, {"tropical fruit", "1030"}, {"bottled water", "930"},
            {"sausage", "920"}, {"citrus fruit", "810"}, {"pastry", "780"}, {"pip fruit", "740"},
            {"shopping bags", "730"}, {"canned beer", "720"}, {"bottled beer", "690"}, {"whipped/sour cream", "660"},
            {"newspapers", "600"}, {"frankfurter", "580"}, {"brown bread", "570"}, {"domestic eggs", "560"},
            {"pork", "560"}, {"butter", "530"}, {"fruit/vegetable juice", "520"}, {"beef", "510"},
            {"curd", "510"}, {"margarine", "480"}, {"coffee", "470"}, {"frozen vegetables", "420"},
            {"chicken", "420"}, {"white bread", "360"}, {"cream cheese", "350"}, {"chocolate", "350"},
            {"dessert", "340"}, {"napkins", "330"}, {"hamburger meat", "320"}, {"berries", "320"},
            {"UHT-milk", "320"}, {"onions", "300"}, {"salty snack", "280"}, {"frozen fish", "110"}
        };
        for (String[] row : table) {
            items.put(row[0], Integer.parseInt(row[1]));
        }
        Map<String, Double> cycles = new LinkedHashMap<>();
        items.keySet().stream().limit(STAPLES).forEach(item -> cycles.put(item, 220.0));
        return new DatasetStats(sizes, perMember, items, cycles, LocalDate.of(2014, 1, 1), LocalDate.of(2015, 12, 30));
    }

    /** Share of item rows per category, from the item counts and {@link Catalog#category}. */
    public Map<String, Double> categoryMix() {
        Map<String, Double> mix = new LinkedHashMap<>();
        double total = itemCounts.values().stream().mapToInt(Integer::intValue).sum();
        Catalog.CATEGORIES.forEach(c -> mix.put(c, 0.0));
        itemCounts.forEach((item, count) -> mix.merge(Catalog.category(item), count / total, Double::sum));
        return mix;
    }

    /** Mean basket size. */
    public double meanBasketSize() {
        return mean(basketSizes);
    }

    private static double mean(Map<Integer, Integer> histogram) {
        long n = 0;
        long sum = 0;
        for (Map.Entry<Integer, Integer> e : histogram.entrySet()) {
            n += e.getValue();
            sum += (long) e.getKey() * e.getValue();
        }
        return n == 0 ? 0 : (double) sum / n;
    }

    /** Draws a value from a histogram with a uniform number u in [0, 1). */
    static <T> T draw(Map<T, Integer> histogram, double u) {
        long total = histogram.values().stream().mapToLong(Integer::longValue).sum();
        double target = u * total;
        double cumulative = 0;
        T last = null;
        for (Map.Entry<T, Integer> e : histogram.entrySet()) {
            cumulative += e.getValue();
            last = e.getKey();
            if (target < cumulative) {
                return last;
            }
        }
        return last;
    }

    List<String> staples() {
        return new ArrayList<>(stapleCycleDays.keySet());
    }
}
