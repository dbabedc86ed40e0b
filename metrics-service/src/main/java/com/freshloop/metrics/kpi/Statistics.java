package com.freshloop.metrics.kpi;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.jspecify.annotations.Nullable;

/** The two significance tests the lifts report: Welch's t-test and the two-proportion z-test. */
public final class Statistics {

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Statistics() {}

    /**
     * Sample moments of a value (e.g. order totals) as ClickHouse aggregates them: count, sum and sum
     * of squares, so that a single order never makes the server answer {@code nan}.
     */
    public record Moments(long n, double sum, double sumOfSquares) {

        public @Nullable Double mean() {
            return n == 0 ? null : sum / n;
        }

        /** The unbiased sample variance, or {@code null} below two observations. */
        public @Nullable Double variance() {
            if (n < 2) {
                return null;
            }
            double mean = sum / n;
            return Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
        }
    }

    /** Two-sided p-value of Welch's t-test that two means differ; {@code null} if undefined. */
    public static @Nullable Double welchPValue(Moments a, Moments b) {
        Double va = a.variance();
        Double vb = b.variance();
        if (va == null || vb == null) {
            return null;
        }
        double sa = va / a.n();
        double sb = vb / b.n();
        if (sa + sb == 0) {
            return null;
        }
        double t = (a.mean() - b.mean()) / Math.sqrt(sa + sb);
        double df = (sa + sb) * (sa + sb) / (sa * sa / (a.n() - 1) + sb * sb / (b.n() - 1));
        return 2 * new TDistribution(null, df).cumulativeProbability(-Math.abs(t));
    }

    /** Two-sided p-value of the pooled two-proportion z-test; {@code null} if undefined. */
    public static @Nullable Double twoProportionPValue(long successesA, long nA, long successesB, long nB) {
        if (nA == 0 || nB == 0) {
            return null;
        }
        double pooled = (successesA + successesB) / (double) (nA + nB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        if (se == 0) {
            return null;
        }
        double z = (successesA / (double) nA - successesB / (double) nB) / se;
        return 2 * NORMAL.cumulativeProbability(-Math.abs(z));
    }

    /** {@code part / whole}, or {@code null} when there is nothing to divide by. */
    public static @Nullable Double ratio(double part, double whole) {
        return whole == 0 ? null : part / whole;
    }

    /** {@code value / baseline - 1}, or {@code null} without a baseline. */
    public static @Nullable Double lift(@Nullable Double value, @Nullable Double baseline) {
        return value == null || baseline == null || baseline == 0 ? null : value / baseline - 1;
    }
}
