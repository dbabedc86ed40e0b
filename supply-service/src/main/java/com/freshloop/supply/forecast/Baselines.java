package com.freshloop.supply.forecast;

/** Benchmarks every method must beat: seasonal naive and the mean of the last days. */
public final class Baselines {

    private Baselines() {}

    /** Repeats the last observed season. */
    public static Forecaster seasonalNaive(int m) {
        return new Forecaster() {
            @Override
            public String name() {
                return "seasonal-naive";
            }

            @Override
            public Forecast forecast(double[] y, int horizon, double level) {
                int n = y.length;
                double[] mean = new double[horizon];
                double sse = 0;
                int count = 0;
                for (int t = m; t < n; t++) {
                    sse += (y[t] - y[t - m]) * (y[t] - y[t - m]);
                    count++;
                }
                double sigma = Math.sqrt(sse / Math.max(1, count));
                double[] sd = new double[horizon];
                for (int h = 0; h < horizon; h++) {
                    mean[h] = n >= m ? y[n - m + h % m] : (n > 0 ? y[n - 1] : 0);
                    sd[h] = sigma * Math.sqrt(h / m + 1);
                }
                return Forecast.withSpread(name(), mean, sd, Forecaster.z(level), Double.NaN);
            }
        };
    }

    /** A flat forecast at the mean of the last {@code window} days. */
    public static Forecaster meanOfLast(int window) {
        return new Forecaster() {
            @Override
            public String name() {
                return "mean-last-" + window;
            }

            @Override
            public Forecast forecast(double[] y, int horizon, double level) {
                int n = y.length;
                int from = Math.max(0, n - window);
                double mean = ExponentialSmoothing.mean(y, from, n);
                double sd = Math.sqrt(Sarima.variance(java.util.Arrays.copyOfRange(y, from, n)) * (1 + 1.0 / window));
                double[] m = new double[horizon];
                double[] s = new double[horizon];
                java.util.Arrays.fill(m, mean);
                java.util.Arrays.fill(s, sd);
                return Forecast.withSpread(name(), m, s, Forecaster.z(level), Double.NaN);
            }
        };
    }
}
