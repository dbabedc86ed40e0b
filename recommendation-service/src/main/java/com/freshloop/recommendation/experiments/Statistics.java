package com.freshloop.recommendation.experiments;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/** The tests behind experiment results. */
public final class Statistics {

    /** A significance level for "significant" (two-sided). */
    public static final double ALPHA = 0.05;

    /** The sample-ratio-mismatch alarm level: strict, as SRM means the experiment itself is broken. */
    public static final double SRM_ALPHA = 0.001;

    /**
     * A two-proportion z-test of treatment against control.
     *
     * @param lift relative change of the treatment rate over the control rate (NaN if the control is 0)
     */
    public record ProportionTest(
            double control, double treatment, double lift, double z, double pValue, boolean significant) {}

    /** A chi-square goodness-of-fit test of the users per variant against the configured split. */
    public record SampleRatio(double chiSquare, double pValue, boolean mismatch) {}

    private static final NormalDistribution NORMAL = new NormalDistribution();

    private Statistics() {}

    public static ProportionTest twoProportion(long controlHits, long controlN, long treatmentHits, long treatmentN) {
        double p1 = controlN == 0 ? 0 : controlHits / (double) controlN;
        double p2 = treatmentN == 0 ? 0 : treatmentHits / (double) treatmentN;
        double lift = p1 == 0 ? Double.NaN : (p2 - p1) / p1;
        if (controlN == 0 || treatmentN == 0) {
            return new ProportionTest(p1, p2, lift, 0, 1, false);
        }
        double pooled = (controlHits + treatmentHits) / (double) (controlN + treatmentN);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / controlN + 1.0 / treatmentN));
        if (se == 0) {
            return new ProportionTest(p1, p2, lift, 0, 1, false);
        }
        double z = (p2 - p1) / se;
        double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
        return new ProportionTest(p1, p2, lift, z, p, p < ALPHA);
    }

    public static SampleRatio sampleRatio(long[] observed, double[] weights) {
        long total = 0;
        double weightSum = 0;
        for (int i = 0; i < observed.length; i++) {
            total += observed[i];
            weightSum += weights[i];
        }
        if (total == 0 || observed.length < 2) {
            return new SampleRatio(0, 1, false);
        }
        double chi = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = total * weights[i] / weightSum;
            chi += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        double p = 1 - new ChiSquaredDistribution(observed.length - 1).cumulativeProbability(chi);
        return new SampleRatio(chi, p, p < SRM_ALPHA);
    }
}
