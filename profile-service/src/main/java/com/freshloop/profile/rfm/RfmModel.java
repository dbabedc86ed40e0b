package com.freshloop.profile.rfm;

import java.time.Instant;
import java.util.Arrays;

/**
 * Quintile cut points of recency (days since the last order), frequency (orders in the window) and
 * monetary value (spend in the window) over all users, from the last batch. A user's scores are
 * found by comparing with the cut points, so an order can be scored at once, between batches.
 *
 * @param version when the cut points were computed
 * @param windowDays length of the rolling window
 * @param recencyCuts four ascending cut points of recency in days
 * @param frequencyCuts four ascending cut points of frequency
 * @param monetaryCuts four ascending cut points of monetary value
 */
public record RfmModel(
        Instant version, int windowDays, double[] recencyCuts, double[] frequencyCuts, double[] monetaryCuts) {

    /** The scores of one user: 1 (worst) to 5 (best) each. */
    public record Scores(int r, int f, int m) {
        public Segment segment() {
            return Segment.of(r, f, m);
        }

        public String code() {
            return r + "-" + f + "-" + m;
        }
    }

    /**
     * Cut points at the 20th, 40th, 60th and 80th percentiles of each measure (nearest rank).
     * Arrays are sorted in place.
     */
    public static RfmModel fit(
            Instant version, int windowDays, double[] recency, double[] frequency, double[] monetary) {
        return new RfmModel(version, windowDays, cuts(recency), cuts(frequency), cuts(monetary));
    }

    public Scores score(double recencyDays, double frequency, double monetary) {
        // recent is good: fewer days -> higher score
        int r = 5 - above(recencyCuts, recencyDays);
        int f = 1 + above(frequencyCuts, frequency);
        int m = 1 + above(monetaryCuts, monetary);
        return new Scores(r, f, m);
    }

    /** How many cut points lie strictly below the value (0..4). */
    private static int above(double[] cuts, double value) {
        int n = 0;
        for (double cut : cuts) {
            if (value > cut) {
                n++;
            }
        }
        return n;
    }

    static double[] cuts(double[] values) {
        if (values.length == 0) {
            return new double[] {0, 0, 0, 0};
        }
        Arrays.sort(values);
        double[] cuts = new double[4];
        for (int q = 1; q <= 4; q++) {
            int rank = (int) Math.ceil(q * values.length / 5.0) - 1;
            cuts[q - 1] = values[Math.max(0, Math.min(values.length - 1, rank))];
        }
        return cuts;
    }
}
