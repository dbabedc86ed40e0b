package com.freshloop.supply.forecast;

/** Scaled accuracy measures, so that series of different volume can be averaged. */
public final class Accuracy {

    private Accuracy() {}

    /** MASE: out-of-sample MAE over the in-sample MAE of the seasonal-naive (period m) forecast. */
    public static double mase(double[] train, double[] actual, double[] forecast, int m) {
        double scale = 0;
        int count = 0;
        for (int t = m; t < train.length; t++) {
            scale += Math.abs(train[t] - train[t - m]);
            count++;
        }
        scale /= Math.max(1, count);
        double mae = 0;
        for (int h = 0; h < actual.length; h++) {
            mae += Math.abs(actual[h] - forecast[h]);
        }
        mae /= actual.length;
        return scale > 0 ? mae / scale : Double.NaN;
    }

    /**
     * RMSSE as in the M5 competition: out-of-sample MSE over the in-sample MSE of the one-step naive
     * forecast, counted from the first day with non-zero demand, square-rooted.
     */
    public static double rmsse(double[] train, double[] actual, double[] forecast) {
        int first = 0;
        while (first < train.length && train[first] == 0) {
            first++;
        }
        double scale = 0;
        int count = 0;
        for (int t = first + 1; t < train.length; t++) {
            scale += (train[t] - train[t - 1]) * (train[t] - train[t - 1]);
            count++;
        }
        scale /= Math.max(1, count);
        double mse = 0;
        for (int h = 0; h < actual.length; h++) {
            mse += (actual[h] - forecast[h]) * (actual[h] - forecast[h]);
        }
        mse /= actual.length;
        return scale > 0 ? Math.sqrt(mse / scale) : Double.NaN;
    }
}
