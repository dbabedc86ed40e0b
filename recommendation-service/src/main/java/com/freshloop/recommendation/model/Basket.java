package com.freshloop.recommendation.model;

import java.util.Arrays;

/**
 * One basket: the distinct items bought together and when.
 *
 * @param day the day of the basket (days since an epoch); data sets without dates use the basket's
 *     position in the shopper's history, so cycles are then measured in baskets
 * @param items distinct dense item ids
 */
public record Basket(int day, int[] items) {

    public Basket {
        items = Arrays.stream(items).distinct().toArray();
    }

    public int size() {
        return items.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Basket b && b.day == day && Arrays.equals(b.items, items);
    }

    @Override
    public int hashCode() {
        return 31 * day + Arrays.hashCode(items);
    }

    @Override
    public String toString() {
        return "Basket[day=" + day + ", items=" + Arrays.toString(items) + "]";
    }
}
