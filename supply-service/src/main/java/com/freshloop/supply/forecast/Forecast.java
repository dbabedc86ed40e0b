package com.freshloop.supply.forecast;

/**
 * A point forecast with a central prediction interval for each step ahead.
 *
 * @param method the method that produced it
 * @param mean expected demand per step (never negative: demand is a count)
 * @param lower lower bound of the interval
 * @param upper upper bound of the interval
 * @param aicc the information criterion of the fitted model ({@code NaN} for methods without a likelihood)
 */
public record Forecast(String method, double[] mean, double[] lower, double[] upper, double aicc) {

    public int horizon() {
        return mean.length;
    }

    /** Builds the interval from a per-step standard deviation, clipping at zero demand. */
    static Forecast withSpread(String method, double[] mean, double[] sd, double z, double aicc) {
        double[] point = new double[mean.length];
        double[] lower = new double[mean.length];
        double[] upper = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            double m = Double.isFinite(mean[i]) ? mean[i] : 0;
            point[i] = Math.max(0, m);
            lower[i] = Math.max(0, m - z * sd[i]);
            upper[i] = Math.max(0, m + z * sd[i]);
        }
        return new Forecast(method, point, lower, upper, aicc);
    }
}
