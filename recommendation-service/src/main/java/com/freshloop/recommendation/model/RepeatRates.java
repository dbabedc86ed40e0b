package com.freshloop.recommendation.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How repeatable each item is across all shoppers: of those who bought it, the share who bought it in
 * more than one basket, and the chance it is in a shopper's next basket given it is in this one. Milk
 * scores high, a frying pan low. Both are smoothed towards the catalogue mean for rarely bought items.
 */
public final class RepeatRates {

    private static final double PRIOR_WEIGHT = 5;

    private final double[] repeatBuyers;
    private final double[] nextBasket;

    private RepeatRates(double[] repeatBuyers, double[] nextBasket) {
        this.repeatBuyers = repeatBuyers;
        this.nextBasket = nextBasket;
    }

    public static RepeatRates of(double[] repeatBuyers, double[] nextBasket) {
        return new RepeatRates(repeatBuyers, nextBasket);
    }

    public static RepeatRates fit(List<List<Basket>> histories, int itemCount) {
        long[] buyers = new long[itemCount];
        long[] repeaters = new long[itemCount];
        long[] followed = new long[itemCount];
        long[] carried = new long[itemCount];
        for (List<Basket> history : histories) {
            Map<Integer, Integer> count = new HashMap<>();
            for (int b = 0; b < history.size(); b++) {
                Basket basket = history.get(b);
                Set<Integer> next = new HashSet<>();
                if (b + 1 < history.size()) {
                    for (int item : history.get(b + 1).items()) {
                        next.add(item);
                    }
                    for (int item : basket.items()) {
                        followed[item]++;
                        if (next.contains(item)) {
                            carried[item]++;
                        }
                    }
                }
                for (int item : basket.items()) {
                    count.merge(item, 1, Integer::sum);
                }
            }
            count.forEach((item, c) -> {
                buyers[item]++;
                if (c > 1) {
                    repeaters[item]++;
                }
            });
        }
        double repeatMean = mean(repeaters, buyers);
        double nextMean = mean(carried, followed);
        double[] repeatRate = new double[itemCount];
        double[] nextRate = new double[itemCount];
        for (int i = 0; i < itemCount; i++) {
            repeatRate[i] = (repeaters[i] + PRIOR_WEIGHT * repeatMean) / (buyers[i] + PRIOR_WEIGHT);
            nextRate[i] = (carried[i] + PRIOR_WEIGHT * nextMean) / (followed[i] + PRIOR_WEIGHT);
        }
        return new RepeatRates(repeatRate, nextRate);
    }

    /** Share of the item's buyers who bought it in more than one basket (smoothed). */
    public double repeatBuyers(int item) {
        return repeatBuyers[item];
    }

    /** P(item in the next basket | item in this basket) (smoothed). */
    public double nextBasket(int item) {
        return nextBasket[item];
    }

    public double[] repeatBuyers() {
        return repeatBuyers.clone();
    }

    public double[] nextBasket() {
        return nextBasket.clone();
    }

    private static double mean(long[] hits, long[] trials) {
        long h = 0;
        long t = 0;
        for (int i = 0; i < hits.length; i++) {
            h += hits[i];
            t += trials[i];
        }
        return t == 0 ? 0 : h / (double) t;
    }
}
