package com.freshloop.supply.forecast;

/**
 * Intermittent-demand methods for slow movers. Croston smooths the non-zero demand sizes and the
 * intervals between them separately (with the Syntetos-Boylan bias correction); TSB smooths the
 * demand probability every period instead of the interval, so an item that stops selling decays
 * toward zero. Smoothing constants are chosen by one-step in-sample squared error on a small grid.
 */
public final class Intermittent implements Forecaster {

    public enum Kind {
        CROSTON,
        TSB
    }

    private static final double[] GRID = {0.02, 0.05, 0.1, 0.2, 0.3};

    private final Kind kind;

    public Intermittent(Kind kind) {
        this.kind = kind;
    }

    public static Intermittent croston() {
        return new Intermittent(Kind.CROSTON);
    }

    public static Intermittent tsb() {
        return new Intermittent(Kind.TSB);
    }

    @Override
    public String name() {
        return kind == Kind.CROSTON ? "croston-sba" : "tsb";
    }

    @Override
    public Forecast forecast(double[] history, int horizon, double level) {
        double bestSse = Double.POSITIVE_INFINITY;
        double bestForecast = 0;
        for (double a : GRID) {
            for (double b : GRID) {
                double[] r = kind == Kind.CROSTON ? croston(history, a, b) : tsb(history, a, b);
                if (r[1] < bestSse) {
                    bestSse = r[1];
                    bestForecast = r[0];
                }
            }
        }
        double sd = Math.sqrt(bestSse / Math.max(1, history.length));
        double[] mean = new double[horizon];
        double[] spread = new double[horizon];
        java.util.Arrays.fill(mean, bestForecast);
        java.util.Arrays.fill(spread, sd);
        return Forecast.withSpread(name(), mean, spread, Forecaster.z(level), Double.NaN);
    }

    /** Returns {final forecast, in-sample one-step SSE}. */
    static double[] croston(double[] y, double alpha, double beta) {
        int first = firstNonZero(y);
        if (first < 0) {
            return new double[] {0, 0};
        }
        double size = y[first];
        double interval = first + 1;
        int sinceLast = 1;
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double f = (1 - beta / 2) * size / interval;
            sse += (y[t] - f) * (y[t] - f);
            if (y[t] > 0) {
                size += alpha * (y[t] - size);
                interval += beta * (sinceLast - interval);
                sinceLast = 1;
            } else {
                sinceLast++;
            }
        }
        return new double[] {(1 - beta / 2) * size / interval, sse};
    }

    static double[] tsb(double[] y, double alpha, double beta) {
        int first = firstNonZero(y);
        if (first < 0) {
            return new double[] {0, 0};
        }
        double size = y[first];
        double probability = 1.0 / (first + 1);
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double f = probability * size;
            sse += (y[t] - f) * (y[t] - f);
            boolean demand = y[t] > 0;
            probability += beta * ((demand ? 1 : 0) - probability);
            if (demand) {
                size += alpha * (y[t] - size);
            }
        }
        return new double[] {probability * size, sse};
    }

    private static int firstNonZero(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                return i;
            }
        }
        return -1;
    }
}
