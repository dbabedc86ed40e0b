package com.freshloop.supply.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The product forecaster: a combination of several methods whose weights are learned per series on
 * an inner holdout cut from the end of the history (never on the days being forecast). Each member
 * is fitted on the history minus the holdout, scored there, and then refitted on the full history.
 */
public final class Ensemble implements Forecaster {

    public enum Rule {
        /** Equal-weight mean of the members. */
        MEAN,
        /** Per-step median of the members. */
        MEDIAN,
        /** Weights proportional to 1 / holdout MSE. */
        INVERSE_MSE,
        /** Only the member with the lowest holdout MSE. */
        BEST
    }

    private final String name;
    private final List<Forecaster> members;
    private final Rule rule;
    private final int holdout;

    public Ensemble(String name, List<Forecaster> members, Rule rule, int holdout) {
        this.name = name;
        this.members = List.copyOf(members);
        this.rule = rule;
        this.holdout = holdout;
    }

    /** The forecaster the service uses (see docs/benchmarks.md for how it was chosen). */
    public static Ensemble product() {
        return new Ensemble("freshloop", defaultMembers(), Rule.MEAN, 28);
    }

    static List<Forecaster> defaultMembers() {
        // Chosen on the inner holdout of the Groceries backtest: the model-selected ETS and SARIMA
        // carry structure when there is some, damped Holt and two long windows anchor the level of
        // noisy counts. Equal weights: per-series weights from one 28-day window were no better.
        return List.of(
                ExponentialSmoothing.auto(7),
                Sarima.auto(7),
                ExponentialSmoothing.dampedHolt(),
                Baselines.meanOfLast(91),
                Baselines.meanOfLast(364));
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * Slow movers (demand on fewer than a quarter of the last 91 days, i.e. an average inter-demand
     * interval above 4 days) go to TSB: smoothing a level through long runs of zeros is biased there.
     */
    static boolean intermittent(double[] history) {
        int from = Math.max(0, history.length - 91);
        int days = history.length - from;
        int withDemand = 0;
        for (int i = from; i < history.length; i++) {
            if (history[i] > 0) {
                withDemand++;
            }
        }
        return days >= 28 && withDemand < 0.25 * days;
    }

    @Override
    public Forecast forecast(double[] history, int horizon, double level) {
        if (intermittent(history)) {
            Forecast f = Intermittent.tsb().forecast(history, horizon, level);
            return new Forecast(name + ":tsb", f.mean(), f.lower(), f.upper(), f.aicc());
        }
        return combination(history, horizon, level);
    }

    /**
     * With regressors: an {@link Arimax} fit decides by AICc which regressors carry an effect and
     * estimates it; every member then forecasts the demand with that regression part taken out, and
     * the part is added back over the horizon, its estimation variance widening the interval. When
     * AICc keeps no regressor (or there are none, or the series is a slow mover for TSB) this is
     * exactly the univariate forecast.
     */
    @Override
    public Forecast forecast(double[] history, Regressors regressors, int horizon, double level) {
        if (!regressors.isEmpty() && regressors.days() != history.length + horizon) {
            throw new IllegalArgumentException("regressors must cover the history and the horizon");
        }
        if (regressors.isEmpty() || intermittent(history)) {
            return forecast(history, horizon, level);
        }
        Arimax.Fitted regression = Arimax.fit(history, regressors, 7);
        if (!regression.hasRegressors()) {
            return forecast(history, horizon, level);
        }
        int n = history.length;
        double[] adjusted = new double[n];
        for (int t = 0; t < n; t++) {
            adjusted[t] = history[t] - regression.regression(t);
        }
        Forecast base = combination(adjusted, horizon, level);
        double z = Forecaster.z(level);
        double[] mean = new double[horizon];
        double[] sd = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            double memberSd = (base.upper()[h] - base.mean()[h]) / z;
            mean[h] = base.mean()[h] + regression.regression(n + h);
            sd[h] = Math.sqrt(memberSd * memberSd + regression.regressionVariance(n + h));
        }
        return Forecast.withSpread(name + "+x(" + String.join(",", regression.names()) + ")", mean, sd, z, Double.NaN);
    }

    /** The members' forecasts combined by the rule. */
    private Forecast combination(double[] history, int horizon, double level) {
        double[] weights = weights(history);
        List<Forecast> forecasts = new ArrayList<>();
        for (Forecaster member : members) {
            forecasts.add(member.forecast(history, horizon, level));
        }
        double[] mean = new double[horizon];
        double[] lower = new double[horizon];
        double[] upper = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            if (rule == Rule.MEDIAN) {
                mean[h] = median(forecasts, h, Forecast::mean);
                lower[h] = median(forecasts, h, Forecast::lower);
                upper[h] = median(forecasts, h, Forecast::upper);
            } else {
                for (int i = 0; i < forecasts.size(); i++) {
                    mean[h] += weights[i] * forecasts.get(i).mean()[h];
                    lower[h] += weights[i] * forecasts.get(i).lower()[h];
                    upper[h] += weights[i] * forecasts.get(i).upper()[h];
                }
            }
        }
        // averaging quantiles of the members is a simple, slightly conservative interval
        return new Forecast(name, mean, lower, upper, Double.NaN);
    }

    /** Member weights from the inner holdout; equal weights when the history is too short to hold out. */
    double[] weights(double[] history) {
        int k = members.size();
        double[] w = new double[k];
        if (rule == Rule.MEAN || rule == Rule.MEDIAN || history.length < holdout + 8 * 7) {
            Arrays.fill(w, 1.0 / k);
            return w;
        }
        double[] train = Arrays.copyOf(history, history.length - holdout);
        double[] test = Arrays.copyOfRange(history, history.length - holdout, history.length);
        double[] mse = new double[k];
        for (int i = 0; i < k; i++) {
            double[] f = members.get(i).forecast(train, holdout, 0.95).mean();
            for (int h = 0; h < holdout; h++) {
                mse[i] += (test[h] - f[h]) * (test[h] - f[h]) / holdout;
            }
        }
        if (rule == Rule.BEST) {
            int best = 0;
            for (int i = 1; i < k; i++) {
                if (mse[i] < mse[best]) {
                    best = i;
                }
            }
            w[best] = 1;
            return w;
        }
        double total = 0;
        for (int i = 0; i < k; i++) {
            w[i] = 1 / Math.max(mse[i], 1e-9);
            total += w[i];
        }
        for (int i = 0; i < k; i++) {
            w[i] /= total;
        }
        return w;
    }

    private static double median(List<Forecast> forecasts, int h, java.util.function.Function<Forecast, double[]> f) {
        double[] v = new double[forecasts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.apply(forecasts.get(i))[h];
        }
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
