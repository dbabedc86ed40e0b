package com.freshloop.recommendation.model;

import java.util.HashSet;
import java.util.Set;

/**
 * Next-basket metrics as defined in shared/datasets/README.md: recall@K = |top-K ∩ truth| / |truth|;
 * NDCG@K with binary gains and the ideal DCG over min(|truth|, K); PHR@K = share of users with a hit.
 */
public final class Metrics {

    /** Running means over users. */
    public static final class Accumulator {
        private final int[] ks;
        private final double[] recall;
        private final double[] ndcg;
        private final double[] hits;
        private int users;

        public Accumulator(int... ks) {
            this.ks = ks.clone();
            this.recall = new double[ks.length];
            this.ndcg = new double[ks.length];
            this.hits = new double[ks.length];
        }

        public void add(int[] ranked, int[] truth) {
            for (int i = 0; i < ks.length; i++) {
                recall[i] += Metrics.recall(ranked, truth, ks[i]);
                ndcg[i] += Metrics.ndcg(ranked, truth, ks[i]);
                hits[i] += Metrics.hit(ranked, truth, ks[i]) ? 1 : 0;
            }
            users++;
        }

        public int users() {
            return users;
        }

        public double recall(int k) {
            return mean(recall, k);
        }

        public double ndcg(int k) {
            return mean(ndcg, k);
        }

        public double phr(int k) {
            return mean(hits, k);
        }

        private double mean(double[] sums, int k) {
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == k) {
                    return users == 0 ? 0 : sums[i] / users;
                }
            }
            throw new IllegalArgumentException("K=" + k + " not accumulated");
        }
    }

    private Metrics() {}

    public static double recall(int[] ranked, int[] truth, int k) {
        if (truth.length == 0) {
            return 0;
        }
        Set<Integer> relevant = set(truth);
        int found = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                found++;
            }
        }
        return found / (double) relevant.size();
    }

    public static double ndcg(int[] ranked, int[] truth, int k) {
        Set<Integer> relevant = set(truth);
        if (relevant.isEmpty()) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(relevant.size(), k); i++) {
            ideal += 1 / log2(i + 2);
        }
        return dcg / ideal;
    }

    public static boolean hit(int[] ranked, int[] truth, int k) {
        Set<Integer> relevant = set(truth);
        for (int i = 0; i < Math.min(k, ranked.length); i++) {
            if (relevant.contains(ranked[i])) {
                return true;
            }
        }
        return false;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Set<Integer> set(int[] items) {
        Set<Integer> set = new HashSet<>();
        for (int item : items) {
            set.add(item);
        }
        return set;
    }
}
