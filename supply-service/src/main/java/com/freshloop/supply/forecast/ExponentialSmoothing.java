package com.freshloop.supply.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * The exponential smoothing family in innovations (state-space) form with additive errors:
 * simple, Holt, damped trend, and Holt-Winters with additive or multiplicative seasonality, with or
 * without damping. Smoothing parameters are fitted by minimising the one-step sum of squared errors
 * (the Gaussian maximum-likelihood estimate for additive errors); initial states come from a classical
 * decomposition of the first weeks.
 */
public final class ExponentialSmoothing implements Forecaster {

    public enum Trend {
        NONE,
        ADDITIVE,
        DAMPED
    }

    public enum Season {
        NONE,
        ADDITIVE,
        MULTIPLICATIVE
    }

    private static final double PHI_MIN = 0.80;
    private static final double PHI_MAX = 0.98;

    private final Trend trend;
    private final Season season;
    private final int period;

    public ExponentialSmoothing(Trend trend, Season season, int period) {
        this.trend = trend;
        this.season = season;
        this.period = period;
    }

    public static ExponentialSmoothing simple() {
        return new ExponentialSmoothing(Trend.NONE, Season.NONE, 1);
    }

    public static ExponentialSmoothing holt() {
        return new ExponentialSmoothing(Trend.ADDITIVE, Season.NONE, 1);
    }

    public static ExponentialSmoothing dampedHolt() {
        return new ExponentialSmoothing(Trend.DAMPED, Season.NONE, 1);
    }

    /** Every member of the family for a seasonal period (non-seasonal ones included). */
    public static List<ExponentialSmoothing> family(int period) {
        List<ExponentialSmoothing> all = new ArrayList<>();
        for (Season s : Season.values()) {
            for (Trend t : Trend.values()) {
                all.add(new ExponentialSmoothing(t, s, s == Season.NONE ? 1 : period));
            }
        }
        return all;
    }

    @Override
    public String name() {
        String t = switch (trend) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case DAMPED -> "Ad";
        };
        String s = switch (season) {
            case NONE -> "N";
            case ADDITIVE -> "A";
            case MULTIPLICATIVE -> "M";
        };
        return "ets(A," + t + "," + s + ")";
    }

    public Trend trend() {
        return trend;
    }

    public Season season() {
        return season;
    }

    @Override
    public Forecast forecast(double[] history, int horizon, double level) {
        return fit(history).forecast(horizon, level);
    }

    /** Fits the smoothing parameters; the result forecasts any horizon. */
    public Fitted fit(double[] y) {
        boolean seasonal = season != Season.NONE && y.length >= 2 * period + 2;
        Season s = seasonal ? season : Season.NONE;
        int m = seasonal ? period : 1;
        Trend tr = y.length >= 4 ? trend : Trend.NONE;
        double[] init = initialStates(y, tr, s, m);
        if (s == Season.MULTIPLICATIVE && init == null) {
            // a series that starts at (near) zero cannot carry multiplicative seasonal indices
            return new ExponentialSmoothing(tr, Season.ADDITIVE, m).fit(y);
        }
        int k = 1 + (tr != Trend.NONE ? 1 : 0) + (s != Season.NONE ? 1 : 0) + (tr == Trend.DAMPED ? 1 : 0);
        double[] start = new double[k];
        int i = 0;
        start[i++] = Minimizer.logit(0.15);
        if (tr != Trend.NONE) {
            start[i++] = Minimizer.logit(0.05);
        }
        if (s != Season.NONE) {
            start[i++] = Minimizer.logit(0.05);
        }
        if (tr == Trend.DAMPED) {
            start[i] = Minimizer.logit((0.9 - PHI_MIN) / (PHI_MAX - PHI_MIN));
        }
        Model model = new Model(tr, s, m, init);
        double[] best = Minimizer.minimize(p -> model.run(y, model.params(p), null), start, 400 * k);
        double[] params = model.params(best);
        double[] stateOut = new double[init.length];
        double sse = model.run(y, params, stateOut);
        int n = y.length;
        double sigma2 = sse / n;
        // parameters: the smoothing parameters plus the error variance
        int kk = k + 1;
        double aicc = n * Math.log(Math.max(sigma2, 1e-12)) + 2 * kk + 2.0 * kk * (kk + 1) / Math.max(1, n - kk - 1);
        return new Fitted(name(), model, params, stateOut, sigma2, aicc);
    }

    /** Level, trend, then {@code m} seasonal indices (oldest first); null if multiplicative is impossible. */
    private static double[] initialStates(double[] y, Trend trend, Season season, int m) {
        double[] state = new double[2 + m];
        if (season == Season.NONE) {
            int w = Math.min(y.length, 7);
            double first = mean(y, 0, w);
            state[0] = first;
            if (trend != Trend.NONE && y.length >= 2 * w) {
                state[1] = (mean(y, w, 2 * w) - first) / w;
            }
            state[2] = season == Season.MULTIPLICATIVE ? 1 : 0;
            return state;
        }
        // average the first few whole seasons: a single week of daily counts is too noisy
        int cycles = Math.max(1, Math.min(8, y.length / m - 1));
        double level = mean(y, 0, cycles * m);
        double[] idx = new double[m];
        for (int c = 0; c < cycles; c++) {
            double cycleMean = mean(y, c * m, (c + 1) * m);
            for (int j = 0; j < m; j++) {
                double v = y[c * m + j];
                idx[j] += season == Season.ADDITIVE
                        ? (v - cycleMean) / cycles
                        : (cycleMean > 0 ? v / cycleMean : 1) / cycles;
            }
        }
        if (season == Season.MULTIPLICATIVE) {
            if (level <= 1e-9) {
                return null;
            }
            double total = 0;
            for (int j = 0; j < m; j++) {
                idx[j] = Math.max(idx[j], 0.05);
                total += idx[j];
            }
            for (int j = 0; j < m; j++) {
                idx[j] *= m / total;
            }
        }
        state[0] = level;
        if (trend != Trend.NONE && cycles >= 2) {
            state[1] = (mean(y, (cycles - 1) * m, cycles * m) - mean(y, 0, m)) / ((cycles - 1) * m);
        }
        System.arraycopy(idx, 0, state, 2, m);
        return state;
    }

    static double mean(double[] y, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return to > from ? s / (to - from) : 0;
    }

    /** The recursions of one model structure, shared by fitting and forecasting. */
    record Model(Trend trend, Season season, int m, double[] init) {

        /** alpha, beta, gamma, phi from unconstrained values (beta < alpha, gamma < 1 - alpha). */
        double[] params(double[] p) {
            int i = 0;
            double alpha = 0.0001 + 0.9998 * Minimizer.logistic(p[i++]);
            double beta = 0;
            double gamma = 0;
            double phi = 1;
            if (trend != Trend.NONE) {
                beta = alpha * Minimizer.logistic(p[i++]);
            }
            if (season != Season.NONE) {
                gamma = (1 - alpha) * Minimizer.logistic(p[i++]);
            }
            if (trend == Trend.DAMPED) {
                phi = PHI_MIN + (PHI_MAX - PHI_MIN) * Minimizer.logistic(p[i]);
            } else if (trend == Trend.NONE) {
                phi = 0;
            }
            return new double[] {alpha, beta, gamma, phi};
        }

        /** Runs the filter; returns the SSE and, if asked, leaves the final state in {@code out}. */
        double run(double[] y, double[] params, double[] out) {
            double alpha = params[0];
            double beta = params[1];
            double gamma = params[2];
            double phi = params[3];
            double l = init[0];
            double b = init[1];
            double[] s = new double[m];
            System.arraycopy(init, 2, s, 0, m);
            boolean additive = season == Season.ADDITIVE;
            boolean multiplicative = season == Season.MULTIPLICATIVE;
            double sse = 0;
            for (int t = 0; t < y.length; t++) {
                int j = t % m;
                double base = l + phi * b;
                double seas = multiplicative ? s[j] : additive ? s[j] : 0;
                double yhat = multiplicative ? base * seas : base + seas;
                double e = y[t] - yhat;
                sse += e * e;
                if (multiplicative) {
                    if (seas <= 1e-6 || base <= 1e-9) {
                        return Double.POSITIVE_INFINITY;
                    }
                    l = base + alpha * e / seas;
                    b = phi * b + beta * e / seas;
                    s[j] = seas + gamma * e / base;
                } else {
                    l = base + alpha * e;
                    b = phi * b + beta * e;
                    if (additive) {
                        s[j] = seas + gamma * e;
                    }
                }
            }
            if (out != null) {
                out[0] = l;
                out[1] = b;
                // rotate so that out[2] is the index of the next day
                int next = y.length % m;
                for (int j = 0; j < m; j++) {
                    out[2 + j] = s[(next + j) % m];
                }
            }
            return sse;
        }
    }

    /** A fitted model: final states, parameters, residual variance and AICc. */
    public record Fitted(String method, Model model, double[] params, double[] state, double sigma2, double aicc) {

        public double alpha() {
            return params[0];
        }

        public double beta() {
            return params[1];
        }

        public double gamma() {
            return params[2];
        }

        public double phi() {
            return params[3];
        }

        public Forecast forecast(int horizon, double level) {
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            double alpha = params[0];
            double beta = params[1];
            double gamma = params[2];
            double phi = params[3];
            int m = model.m();
            double l = state[0];
            double b = state[1];
            double phiSum = 0;
            double phiPow = 1;
            double cumulative = 0;
            for (int h = 1; h <= horizon; h++) {
                phiPow *= phi;
                phiSum += phiPow;
                double base = l + phiSum * b;
                double s = state[2 + (h - 1) % m];
                mean[h - 1] = switch (model.season()) {
                    case NONE -> base;
                    case ADDITIVE -> base + s;
                    case MULTIPLICATIVE -> base * s;
                };
                // variance of the linear (class 1) models: sigma^2 (1 + sum_{j<h} c_j^2); used as an
                // approximation for the multiplicative-season variant
                sd[h - 1] = Math.sqrt(sigma2 * (1 + cumulative));
                double cj = alpha + beta * phiSum + (model.season() != Season.NONE && h % m == 0 ? gamma : 0);
                cumulative += cj * cj;
            }
            return Forecast.withSpread(method, mean, sd, Forecaster.z(level), aicc);
        }
    }

    /** Automatic model selection: the member of the family with the lowest AICc. */
    public static Forecaster auto(int period) {
        return new Forecaster() {
            @Override
            public String name() {
                return "ets-auto";
            }

            @Override
            public Forecast forecast(double[] history, int horizon, double level) {
                Fitted best = null;
                for (ExponentialSmoothing model : family(period)) {
                    Fitted f = model.fit(history);
                    if (best == null || f.aicc() < best.aicc()) {
                        best = f;
                    }
                }
                Forecast f = best.forecast(horizon, level);
                return new Forecast("ets-auto:" + best.method(), f.mean(), f.lower(), f.upper(), f.aicc());
            }
        };
    }
}
