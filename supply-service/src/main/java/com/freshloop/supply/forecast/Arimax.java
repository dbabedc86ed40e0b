package com.freshloop.supply.forecast;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Regression with seasonal ARIMA errors (ARIMAX): {@code y_t = sum_j beta_j (x_jt - mean_j) + eta_t}
 * with {@code eta} a SARIMA(p,d,q)(P,D,Q)_m process. The regressors are centred on their history
 * means, so the level stays in the error model and {@code beta_j} is the change in daily demand per
 * unit of regressor j (for an indicator: the holiday effect in units).
 *
 * <p>Fitted in the standard steps (Hyndman and Athanasopoulos, FPP3 ch. 10): the differencing orders
 * from {@code y} as {@link Sarima#auto(int)} does; OLS of the differenced demand on the differenced
 * regressors; the stepwise AICc order search on the OLS residuals; then, with the orders fixed,
 * alternating conditional-sum-of-squares for the ARMA part and GLS for {@code beta} (OLS on demand
 * and regressors prewhitened by the fitted ARMA filter, which minimises the same CSS exactly) until
 * {@code beta} settles. Regressors are dropped one at a time while AICc improves (with the ARMA
 * part fixed at its fit to the OLS residuals of all regressors, so each subset is one least-squares
 * solve on the prewhitened series), and the model is kept only when its AICc beats the SARIMA without regressors fitted with the same differencing, so a
 * regressor that does not pay for its parameter is left out. Prediction intervals add the variance of
 * the estimated regression part, {@code x' Cov(beta) x}, to the ARIMA error variance.
 *
 * <p>An indicator column needs at least {@link #MIN_ACTIVE_DAYS} active days in the history; a
 * column that is constant or not finite over the history is not used.
 */
public final class Arimax implements Forecaster {

    static final int MIN_ACTIVE_DAYS = 2;
    private static final int MAX_ITERATIONS = 2;

    private final int m;

    private Arimax(int m) {
        this.m = m;
    }

    /** Automatic ARIMAX with season length {@code m}; without regressors it is {@link Sarima#auto(int)}. */
    public static Arimax auto(int m) {
        return new Arimax(m);
    }

    @Override
    public String name() {
        return "arimax-auto";
    }

    @Override
    public Forecast forecast(double[] history, int horizon, double level) {
        return Sarima.auto(m).forecast(history, horizon, level);
    }

    @Override
    public Forecast forecast(double[] history, Regressors regressors, int horizon, double level) {
        if (!regressors.isEmpty() && regressors.days() != history.length + horizon) {
            throw new IllegalArgumentException("regressors must cover the history and the horizon");
        }
        if (regressors.isEmpty()) {
            return forecast(history, horizon, level);
        }
        Fitted f = fit(history, regressors, m);
        Forecast forecast = f.forecast(horizon, level);
        return new Forecast(
                "arimax-auto:" + forecast.method(), forecast.mean(), forecast.lower(), forecast.upper(), f.aicc());
    }

    /**
     * A fitted model.
     *
     * @param errors the SARIMA model of {@code eta = y - regression}
     * @param names the regressors kept (empty: AICc preferred the model without any)
     * @param beta their coefficients
     * @param centred the kept regressors, centred, over history and horizon
     * @param covariance the covariance of {@code beta}
     * @param aicc AICc of the whole model
     */
    public record Fitted(
            Sarima.Fitted errors,
            List<String> names,
            double[] beta,
            double[][] centred,
            double[][] covariance,
            double aicc) {

        public boolean hasRegressors() {
            return beta.length > 0;
        }

        public String method() {
            return hasRegressors() ? errors.method() + "+x(" + String.join(",", names) + ")" : errors.method();
        }

        /** The coefficient of a kept regressor, {@code NaN} if it was not kept. */
        public double coefficient(String name) {
            int j = names.indexOf(name);
            return j < 0 ? Double.NaN : beta[j];
        }

        /** The regression part on day {@code t} (history days first, then the horizon). */
        public double regression(int t) {
            double v = 0;
            for (int j = 0; j < beta.length; j++) {
                v += beta[j] * centred[j][t];
            }
            return v;
        }

        /** The variance of the estimated regression part on day {@code t}: {@code x' Cov(beta) x}. */
        public double regressionVariance(int t) {
            double v = 0;
            for (int i = 0; i < beta.length; i++) {
                for (int j = 0; j < beta.length; j++) {
                    v += centred[i][t] * covariance[i][j] * centred[j][t];
                }
            }
            return Math.max(0, v);
        }

        public Forecast forecast(int horizon, double level) {
            int n = errors.y().length;
            double[][] meanAndSd = errors.meanAndSd(horizon);
            double[] mean = new double[horizon];
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                mean[h] = meanAndSd[0][h] + regression(n + h);
                sd[h] = Math.sqrt(meanAndSd[1][h] * meanAndSd[1][h] + regressionVariance(n + h));
            }
            return Forecast.withSpread(method(), mean, sd, Forecaster.z(level), aicc);
        }
    }

    /** Fits and selects as the class comment describes; {@code x} must cover history + horizon days. */
    public static Fitted fit(double[] y, Regressors x, int m) {
        int n = y.length;
        if (x.days() < n) {
            throw new IllegalArgumentException("regressors cover " + x.days() + " days, the history " + n);
        }
        int[] differencing = Sarima.differencing(y, m);
        int d = differencing[0];
        int seasonalD = differencing[1];
        Sarima.Fitted plain = Sarima.select(y, m, d, seasonalD);
        Fitted none = new Fitted(plain, List.of(), new double[0], new double[0][], new double[0][], plain.aicc());
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int j = 0; j < x.count(); j++) {
            double[] centred = usable(x.columns()[j], n);
            if (centred != null) {
                names.add(x.names().get(j));
                columns.add(centred);
            }
        }
        if (columns.isEmpty() || Sarima.difference(y, d, seasonalD, m).length < 2 * m + 2 * columns.size()) {
            return none;
        }
        double[] start = ols(y, columns, d, seasonalD, m);
        if (start == null) {
            return none;
        }
        Sarima orders = Sarima.of(
                Sarima.select(residual(y, columns, start), m, d, seasonalD).method());
        List<Integer> kept = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            kept.add(j);
        }
        kept = eliminate(y, columns, kept, start, orders, d, seasonalD, m);
        if (kept.isEmpty()) {
            return none;
        }
        Fitted best = refine(y, names, columns, kept, orders, d, seasonalD, m);
        return best != null && best.aicc() < plain.aicc() ? best : none;
    }

    /**
     * Backward elimination by AICc with the ARMA part fixed at its fit to the OLS residuals of all
     * regressors: each candidate subset is then one least-squares solve on the prewhitened series
     * (its CSS given that ARMA part), instead of a SARIMA fit per subset.
     */
    private static List<Integer> eliminate(
            double[] y,
            List<double[]> columns,
            List<Integer> all,
            double[] beta,
            Sarima orders,
            int d,
            int seasonalD,
            int m) {
        int n = y.length;
        Sarima.Fitted errors = orders.fit(residual(y, columns, beta));
        Sarima.Coefficients c = errors.coefficients();
        int burn = c.ar().length;
        double[] fy = filter(Sarima.difference(y, d, seasonalD, m), c);
        List<double[]> filtered = new ArrayList<>();
        for (double[] column : columns) {
            filtered.add(filter(Sarima.difference(history(column, n), d, seasonalD, m), c));
        }
        double[] ones = null;
        if (d + seasonalD == 0) {
            double[] constant = new double[fy.length];
            java.util.Arrays.fill(constant, 1);
            ones = filter(constant, c);
        }
        double[] mean = ones;
        int effective = Math.max(1, fy.length - burn);
        int armaParameters = errors.parameters();
        java.util.function.Function<List<Integer>, Double> aicc = subset -> {
            List<double[]> design = new ArrayList<>();
            subset.forEach(j -> design.add(filtered.get(j)));
            double sse;
            if (design.isEmpty() && mean == null) {
                sse = 0;
                for (int t = burn; t < fy.length; t++) {
                    sse += fy[t] * fy[t];
                }
            } else {
                if (mean != null) {
                    design.add(mean);
                }
                Solution s = solve(fy, design, burn);
                if (s == null) {
                    return Double.POSITIVE_INFINITY;
                }
                sse = s.sse();
            }
            int k = armaParameters + subset.size() + 1;
            return effective * Math.log(Math.max(sse / effective, 1e-12))
                    + 2 * k
                    + 2.0 * k * (k + 1) / Math.max(1, effective - k - 1);
        };
        List<Integer> kept = new ArrayList<>(all);
        double current = aicc.apply(kept);
        while (!kept.isEmpty()) {
            List<Integer> bestFewer = null;
            double bestValue = current;
            for (Integer drop : kept) {
                List<Integer> fewer = new ArrayList<>(kept);
                fewer.remove(drop);
                double value = aicc.apply(fewer);
                if (value < bestValue) {
                    bestValue = value;
                    bestFewer = fewer;
                }
            }
            if (bestFewer == null) {
                break;
            }
            kept = bestFewer;
            current = bestValue;
        }
        return kept;
    }

    /** The column centred on its history mean, or null when it cannot carry an effect. */
    private static double[] usable(double[] column, int n) {
        double sum = 0;
        int active = 0;
        boolean indicator = true;
        for (int t = 0; t < column.length; t++) {
            if (!Double.isFinite(column[t])) {
                return null;
            }
            if (t < n) {
                sum += column[t];
                active += column[t] != 0 ? 1 : 0;
                indicator &= column[t] == 0 || column[t] == 1;
            }
        }
        double mean = sum / n;
        double variance = 0;
        for (int t = 0; t < n; t++) {
            variance += (column[t] - mean) * (column[t] - mean);
        }
        if (variance / n < 1e-12 || (indicator && active < MIN_ACTIVE_DAYS)) {
            return null;
        }
        double[] centred = new double[column.length];
        for (int t = 0; t < column.length; t++) {
            centred[t] = column[t] - mean;
        }
        return centred;
    }

    private static double[] history(double[] column, int n) {
        return java.util.Arrays.copyOf(column, n);
    }

    private static double[] residual(double[] y, List<double[]> columns, double[] beta) {
        double[] eta = y.clone();
        for (int j = 0; j < beta.length; j++) {
            for (int t = 0; t < y.length; t++) {
                eta[t] -= beta[j] * columns.get(j)[t];
            }
        }
        return eta;
    }

    /** OLS of the differenced demand on the differenced regressors (with an intercept when undifferenced). */
    private static double[] ols(double[] y, List<double[]> columns, int d, int seasonalD, int m) {
        int n = y.length;
        double[] w = Sarima.difference(y, d, seasonalD, m);
        List<double[]> design = new ArrayList<>();
        for (double[] c : columns) {
            design.add(Sarima.difference(history(c, n), d, seasonalD, m));
        }
        if (d + seasonalD == 0) {
            double[] ones = new double[w.length];
            java.util.Arrays.fill(ones, 1);
            design.add(ones);
        }
        Solution s = solve(w, design, 0);
        return s == null ? null : java.util.Arrays.copyOf(s.coefficients(), columns.size());
    }

    /** Least squares from index {@code from} on, with {@code (X'X)^-1}; null when X'X is singular. */
    private record Solution(double[] coefficients, double[][] inverse, double sse) {}

    private static Solution solve(double[] target, List<double[]> design, int from) {
        int k = design.size();
        int rows = target.length - from;
        if (rows <= k) {
            return null;
        }
        double[][] xtx = new double[k][k];
        double[] xty = new double[k];
        for (int i = 0; i < k; i++) {
            double[] a = design.get(i);
            for (int t = from; t < target.length; t++) {
                xty[i] += a[t] * target[t];
            }
            for (int j = i; j < k; j++) {
                double[] b = design.get(j);
                double s = 0;
                for (int t = from; t < target.length; t++) {
                    s += a[t] * b[t];
                }
                xtx[i][j] = s;
                xtx[j][i] = s;
            }
        }
        RealMatrix matrix = new Array2DRowRealMatrix(xtx, false);
        DecompositionSolver solver = new LUDecomposition(matrix, 1e-10).getSolver();
        if (!solver.isNonSingular()) {
            return null;
        }
        double[] coefficients = solver.solve(new ArrayRealVector(xty, false)).toArray();
        double sse = 0;
        for (int t = from; t < target.length; t++) {
            double fitted = 0;
            for (int i = 0; i < k; i++) {
                fitted += coefficients[i] * design.get(i)[t];
            }
            sse += (target[t] - fitted) * (target[t] - fitted);
        }
        return new Solution(coefficients, solver.getInverse().getData(), sse);
    }

    /**
     * With the error orders fixed: CSS for the ARMA part given beta, then GLS for beta (and the mean)
     * given the ARMA filter, until beta settles; null when the regressors are collinear.
     */
    private static Fitted refine(
            double[] y,
            List<String> allNames,
            List<double[]> allColumns,
            List<Integer> kept,
            Sarima orders,
            int d,
            int seasonalD,
            int m) {
        int n = y.length;
        int r = kept.size();
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        for (int j : kept) {
            names.add(allNames.get(j));
            columns.add(allColumns.get(j));
        }
        double[] beta = ols(y, columns, d, seasonalD, m);
        if (beta == null) {
            return null;
        }
        boolean withMean = d + seasonalD == 0;
        double[] wy = Sarima.difference(y, d, seasonalD, m);
        List<double[]> wx = new ArrayList<>();
        for (double[] c : columns) {
            wx.add(Sarima.difference(history(c, n), d, seasonalD, m));
        }
        double[][] covariance = new double[r][r];
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            Sarima.Fitted errors = orders.fit(residual(y, columns, beta));
            // the CSS residual is linear in the series: e = F(w) - mu F(1) - sum beta_j F(x_j)
            Sarima.Coefficients c = errors.coefficients();
            int burn = c.ar().length;
            double[] fy = filter(wy, c);
            List<double[]> design = new ArrayList<>();
            for (double[] column : wx) {
                design.add(filter(column, c));
            }
            if (withMean) {
                double[] ones = new double[wy.length];
                java.util.Arrays.fill(ones, 1);
                design.add(filter(ones, c));
            }
            Solution s = solve(fy, design, burn);
            if (s == null) {
                return null;
            }
            double sigma2 = s.sse() / Math.max(1, wy.length - burn - design.size());
            double change = 0;
            for (int i = 0; i < r; i++) {
                change = Math.max(change, Math.abs(s.coefficients()[i] - beta[i]) / (1 + Math.abs(beta[i])));
                beta[i] = s.coefficients()[i];
                for (int j = 0; j < r; j++) {
                    covariance[i][j] = sigma2 * s.inverse()[i][j];
                }
            }
            if (change < 1e-4) {
                break;
            }
        }
        Sarima.Fitted errors = orders.fit(residual(y, columns, beta));
        int effective = Math.max(1, errors.w().length - errors.coefficients().ar().length);
        int parameters = errors.parameters() + r + 1;
        double aicc = effective * Math.log(Math.max(errors.sigma2(), 1e-12))
                + 2 * parameters
                + 2.0 * parameters * (parameters + 1) / Math.max(1, effective - parameters - 1);
        return new Fitted(errors, List.copyOf(names), beta, columns.toArray(double[][]::new), covariance, aicc);
    }

    private static double[] filter(double[] w, Sarima.Coefficients c) {
        double[] e = new double[w.length];
        Sarima.css(w, c, 0, e);
        return e;
    }
}
