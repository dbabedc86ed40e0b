package com.freshloop.recommendation.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small synthetic shoppers: each buys two staples every time (items 0-9, by shopper) plus a random
 * one-off (10-29); whoever buys steak (10) also buys pepper sauce (11) in the same basket.
 */
public final class NextBasketRankerTestData {

    public static final int ITEMS = 30;

    private NextBasketRankerTestData() {}

    public static List<List<Basket>> shoppers(int count, int baskets, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<Basket>> histories = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            List<Basket> history = new ArrayList<>();
            for (int b = 0; b < baskets; b++) {
                List<Integer> items = new ArrayList<>(List.of(u % 10, (u + 1) % 10));
                int oneOff = 10 + random.nextInt(ITEMS - 10);
                items.add(oneOff);
                if (oneOff == 10) {
                    items.add(11);
                }
                history.add(new Basket(
                        b * 7, items.stream().mapToInt(Integer::intValue).toArray()));
            }
            histories.add(history);
        }
        return histories;
    }
}
