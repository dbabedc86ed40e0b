package com.freshloop.recommendation.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Item-item collaborative filtering from purchase histories: two items are similar when the same
 * shoppers buy both. The similarity is the cosine of the shopper-item incidence vectors, shrunk towards
 * zero when few shoppers support it: {@code sim(i,j) = c_ij / sqrt(n_i * n_j) * c_ij / (c_ij + shrinkage)},
 * with c_ij the shoppers who bought both and n_i those who bought i.
 */
public final class ItemItemCf {

    /** Settings: the shrinkage constant and how many neighbours each item keeps. */
    public record Settings(double shrinkage, int neighbours) {

        public static Settings defaults() {
            return new Settings(10, 100);
        }
    }

    private final ItemNeighbours neighbours;

    private ItemItemCf(ItemNeighbours neighbours) {
        this.neighbours = neighbours;
    }

    public static ItemItemCf of(ItemNeighbours neighbours) {
        return new ItemItemCf(neighbours);
    }

    public static ItemItemCf fit(List<List<Basket>> histories, int itemCount, Settings settings) {
        List<int[]> users = new ArrayList<>(histories.size());
        List<List<Integer>> buyers = new ArrayList<>(itemCount);
        for (int i = 0; i < itemCount; i++) {
            buyers.add(new ArrayList<>());
        }
        for (List<Basket> history : histories) {
            int[] items = history.stream()
                    .flatMapToInt(b -> Arrays.stream(b.items()))
                    .distinct()
                    .sorted()
                    .toArray();
            int u = users.size();
            users.add(items);
            for (int item : items) {
                buyers.get(item).add(u);
            }
        }
        int[][] neighbourItems = new int[itemCount][];
        float[][] neighbourScores = new float[itemCount][];
        int[] together = new int[itemCount];
        int[] touched = new int[itemCount];
        double[] similarity = new double[itemCount];
        for (int i = 0; i < itemCount; i++) {
            int n = 0;
            for (int u : buyers.get(i)) {
                for (int j : users.get(u)) {
                    if (j != i && together[j]++ == 0) {
                        touched[n++] = j;
                    }
                }
            }
            double ni = buyers.get(i).size();
            for (int x = 0; x < n; x++) {
                int j = touched[x];
                double c = together[j];
                similarity[j] = c / Math.sqrt(ni * buyers.get(j).size()) * c / (c + settings.shrinkage());
            }
            ItemNeighbours.keepBest(i, touched, n, similarity, settings.neighbours(), neighbourItems, neighbourScores);
            for (int x = 0; x < n; x++) {
                together[touched[x]] = 0;
                similarity[touched[x]] = 0;
            }
        }
        return new ItemItemCf(new ItemNeighbours(neighbourItems, neighbourScores));
    }

    public ItemNeighbours neighbours() {
        return neighbours;
    }

    public double similarity(int item, int other) {
        return neighbours.score(item, other);
    }
}
