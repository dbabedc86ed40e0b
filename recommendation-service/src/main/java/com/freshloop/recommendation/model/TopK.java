package com.freshloop.recommendation.model;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Selects the indices of the largest scores: higher score first, then higher tie-break, then lower index. */
public final class TopK {

    private TopK() {}

    /**
     * The (at most) {@code k} indices with the largest positive {@code scores}, best first; when fewer
     * than {@code k} are positive and {@code fill} is given, the list is completed from {@code fill}
     * (an ordering of all items, best first) skipping items already chosen and {@code exclude}.
     */
    public static int[] select(
            double[] scores, int k, double @Nullable [] tieBreak, int @Nullable [] fill, boolean @Nullable [] exclude) {
        // Insertion into a small sorted buffer: O(n) for the usual k of 10-50, as most scores fail the
        // comparison with the current k-th best at once.
        int[] top = new int[Math.max(k, 0)];
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] <= 0 || (exclude != null && exclude[i])) {
                continue;
            }
            if (size == k && !better(i, top[size - 1], scores, tieBreak)) {
                continue;
            }
            int at = size < k ? size++ : k - 1;
            while (at > 0 && better(i, top[at - 1], scores, tieBreak)) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        if (fill != null && size < k) {
            boolean[] chosen = new boolean[scores.length];
            for (int i = 0; i < size; i++) {
                chosen[top[i]] = true;
            }
            for (int i = 0; i < fill.length && size < k; i++) {
                int item = fill[i];
                if (!chosen[item] && (exclude == null || !exclude[item])) {
                    top[size++] = item;
                    chosen[item] = true;
                }
            }
        }
        return size == top.length ? top : Arrays.copyOf(top, size);
    }

    /** The top {@code k} positive entries of {@code scores} without filling. */
    public static int[] select(double[] scores, int k) {
        return select(scores, k, null, null, null);
    }

    private static boolean better(int a, int b, double[] scores, double @Nullable [] tieBreak) {
        int c = Double.compare(scores[a], scores[b]);
        if (c == 0 && tieBreak != null) {
            c = Double.compare(tieBreak[a], tieBreak[b]);
        }
        return c != 0 ? c > 0 : a < b;
    }
}
