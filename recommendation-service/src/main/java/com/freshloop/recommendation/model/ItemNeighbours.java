package com.freshloop.recommendation.model;

import java.util.Arrays;

/**
 * For each item, its best related items with a score, best first. The shared shape of the item-item CF
 * table and of the association-rule table.
 */
public final class ItemNeighbours {

    private final int[][] items;
    private final float[][] scores;

    ItemNeighbours(int[][] items, float[][] scores) {
        this.items = items;
        this.scores = scores;
    }

    /** An empty table over {@code itemCount} items. */
    public static ItemNeighbours empty(int itemCount) {
        int[][] items = new int[itemCount][0];
        float[][] scores = new float[itemCount][0];
        return new ItemNeighbours(items, scores);
    }

    public int itemCount() {
        return items.length;
    }

    public int[] of(int item) {
        return items[item];
    }

    public float[] scoresOf(int item) {
        return scores[item];
    }

    /** The score of {@code other} among the neighbours of {@code item}, 0 if absent. */
    public double score(int item, int other) {
        int[] neighbours = items[item];
        for (int i = 0; i < neighbours.length; i++) {
            if (neighbours[i] == other) {
                return scores[item][i];
            }
        }
        return 0;
    }

    /** Keeps the {@code max} best of {@code candidates[0..n)} by {@code values}, best first (ties: lower id). */
    static void keepBest(int item, int[] candidates, int n, double[] values, int max, int[][] items, float[][] scores) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = candidates[i];
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(values[b], values[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        int keep = Math.min(max, n);
        items[item] = new int[keep];
        scores[item] = new float[keep];
        for (int i = 0; i < keep; i++) {
            items[item][i] = order[i];
            scores[item][i] = (float) values[order[i]];
        }
    }
}
