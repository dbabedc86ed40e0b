package com.freshloop.supply.forecast;

import java.util.Arrays;

/**
 * Seasonal ARIMA (p,d,q)(P,D,Q)_m fitted by conditional sum of squares. Coefficients are optimised
 * through the partial-autocorrelation (tanh) reparametrisation of each polynomial, so every AR part
 * is stationary and every MA part invertible. {@link #auto(int)} chooses d by a KPSS test, D by
 * seasonal strength and then the orders by AICc over a small grid, as auto.arima does.
 */
public final class Sarima implements Forecaster {

    private final int p;
    private final int d;
    private final int q;
    private final int seasonalP;
    private final int seasonalD;
    private final int seasonalQ;
    private final int m;

    public Sarima(int p, int d, int q, int seasonalP, int seasonalD, int seasonalQ, int m) {
        this.p = p;
        this.d = d;
        this.q = q;
        this.seasonalP = seasonalP;
        this.seasonalD = seasonalD;
        this.seasonalQ = seasonalQ;
        this.m = m;
    }

    @Override
    public String name() {
        return "sarima(" + p + "," + d + "," + q + ")(" + seasonalP + "," + seasonalD + "," + seasonalQ + ")" + m;
    }

    @Override
    public Forecast forecast(double[] history, int horizon, double level) {
        return fit(history).forecast(horizon, level);
    }

    public Fitted fit(double[] y) {
        double[] w = difference(y, d, seasonalD, m);
        boolean withMean = d + seasonalD == 0;
        int k = p + q + seasonalP + seasonalQ + (withMean ? 1 : 0);
        double mu0 = withMean ? ExponentialSmoothing.mean(w, 0, w.length) : 0;
        double scale = Math.max(1e-6, Math.sqrt(variance(w)));
        double[] start = new double[k];
        if (withMean) {
            start[k - 1] = 0;
        }
        double[] best = Minimizer.minimize(
                x -> css(w, coefficients(x), withMean ? mu0 + x[k - 1] * scale : 0, null), start, 300 * Math.max(1, k));
        Coefficients c = coefficients(best);
        double mu = withMean ? mu0 + best[k - 1] * scale : 0;
        double[] residuals = new double[w.length];
        double sse = css(w, c, mu, residuals);
        int burn = c.ar().length;
        int n = Math.max(1, w.length - burn);
        double sigma2 = sse / n;
        int kk = k + 1;
        double aicc = n * Math.log(Math.max(sigma2, 1e-12)) + 2 * kk + 2.0 * kk * (kk + 1) / Math.max(1, n - kk - 1);
        return new Fitted(name(), y, w, residuals, c, mu, sigma2, aicc);
    }

    /** The expanded AR and MA polynomials (without the leading 1) of the multiplicative model. */
    record Coefficients(double[] ar, double[] ma) {}

    private Coefficients coefficients(double[] x) {
        int i = 0;
        double[] a = pacfToCoefficients(Arrays.copyOfRange(x, i, i + p));
        i += p;
        double[] th = pacfToCoefficients(Arrays.copyOfRange(x, i, i + q));
        i += q;
        double[] sa = pacfToCoefficients(Arrays.copyOfRange(x, i, i + seasonalP));
        i += seasonalP;
        double[] sth = pacfToCoefficients(Arrays.copyOfRange(x, i, i + seasonalQ));
        // AR: (1 - a(B))(1 - A(B^m)) ; MA: see below
        double[] ar = multiply(polynomial(a, 1, -1), polynomial(sa, m, -1));
        // MA built as (1 - t(B))(1 - T(B^m)) so the stationarity transform also means invertibility
        double[] ma = multiply(polynomial(th, 1, -1), polynomial(sth, m, -1));
        double[] arOut = new double[ar.length - 1];
        for (int j = 1; j < ar.length; j++) {
            arOut[j - 1] = -ar[j];
        }
        return new Coefficients(arOut, Arrays.copyOfRange(ma, 1, ma.length));
    }

    /** Jones (1980): tanh-bounded partial autocorrelations to polynomial coefficients, stationary by construction. */
    static double[] pacfToCoefficients(double[] raw) {
        int n = raw.length;
        double[] phi = new double[n];
        double[] work = new double[n];
        for (int k = 0; k < n; k++) {
            double r = Math.tanh(raw[k]);
            phi[k] = r;
            for (int j = 0; j < k; j++) {
                phi[j] = work[j] - r * work[k - j - 1];
            }
            System.arraycopy(phi, 0, work, 0, k + 1);
        }
        return phi;
    }

    /** 1 + sign * sum c_i B^(lag*i). */
    private static double[] polynomial(double[] c, int lag, int sign) {
        double[] out = new double[c.length * lag + 1];
        out[0] = 1;
        for (int i = 0; i < c.length; i++) {
            out[(i + 1) * lag] = sign * c[i];
        }
        return out;
    }

    static double[] multiply(double[] a, double[] b) {
        double[] out = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                out[i + j] += a[i] * b[j];
            }
        }
        return out;
    }

    /** Conditional SSE: residuals before the AR order are taken as zero. */
    static double css(double[] w, Coefficients c, double mu, double[] residualsOut) {
        double[] ar = c.ar();
        double[] ma = c.ma();
        int start = ar.length;
        double[] e = residualsOut != null ? residualsOut : new double[w.length];
        if (residualsOut != null) {
            Arrays.fill(e, 0);
        }
        double sse = 0;
        for (int t = start; t < w.length; t++) {
            double pred = mu;
            for (int i = 0; i < ar.length; i++) {
                pred += ar[i] * (w[t - i - 1] - mu);
            }
            for (int j = 0; j < ma.length && t - j - 1 >= 0; j++) {
                pred += ma[j] * e[t - j - 1];
            }
            e[t] = w[t] - pred;
            sse += e[t] * e[t];
        }
        return sse;
    }

    static double[] difference(double[] y, int d, int seasonalD, int m) {
        double[] w = y.clone();
        for (int i = 0; i < seasonalD; i++) {
            w = lagDiff(w, m);
        }
        for (int i = 0; i < d; i++) {
            w = lagDiff(w, 1);
        }
        return w;
    }

    private static double[] lagDiff(double[] x, int lag) {
        if (x.length <= lag) {
            return new double[0];
        }
        double[] out = new double[x.length - lag];
        for (int i = lag; i < x.length; i++) {
            out[i - lag] = x[i] - x[i - lag];
        }
        return out;
    }

    static double variance(double[] x) {
        double mean = ExponentialSmoothing.mean(x, 0, x.length);
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return x.length > 1 ? s / (x.length - 1) : 0;
    }

    /** A fitted model that can forecast by recursion on the differenced series and integrating back. */
    public record Fitted(
            String method,
            double[] y,
            double[] w,
            double[] residuals,
            Coefficients coefficients,
            double mu,
            double sigma2,
            double aicc) {

        public Forecast forecast(int horizon, double level) {
            double[][] meanAndSd = meanAndSd(horizon);
            return Forecast.withSpread(method, meanAndSd[0], meanAndSd[1], Forecaster.z(level), aicc);
        }

        /** The unclipped point forecast ({@code [0]}) and its standard deviation ({@code [1]}) per step. */
        double[][] meanAndSd(int horizon) {
            double[] ar = coefficients.ar();
            double[] ma = coefficients.ma();
            int n = w.length;
            double[] wExt = Arrays.copyOf(w, n + horizon);
            double[] eExt = Arrays.copyOf(residuals, n + horizon);
            for (int t = n; t < n + horizon; t++) {
                double pred = mu;
                for (int i = 0; i < ar.length; i++) {
                    pred += ar[i] * ((t - i - 1 >= 0 ? wExt[t - i - 1] : mu) - mu);
                }
                for (int j = 0; j < ma.length; j++) {
                    if (t - j - 1 >= 0) {
                        pred += ma[j] * eExt[t - j - 1];
                    }
                }
                wExt[t] = pred;
            }
            // integrate: y_t = w_t + sum delta_i y_{t-i}, where 1 - delta(B) = (1-B)^d (1-B^m)^D
            // the name is the single source of the structure: p d q P D Q m
            int[] orders = orders(method);
            double[] diffPoly = {1};
            for (int i = 0; i < orders[1]; i++) {
                diffPoly = multiply(diffPoly, new double[] {1, -1});
            }
            double[] seasonal = new double[orders[6] + 1];
            seasonal[0] = 1;
            seasonal[orders[6]] = -1;
            for (int i = 0; i < orders[4]; i++) {
                diffPoly = multiply(diffPoly, seasonal);
            }
            int len = y.length;
            double[] yExt = Arrays.copyOf(y, len + horizon);
            double[] mean = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                int t = len + h;
                double v = wExt[n + h];
                for (int i = 1; i < diffPoly.length; i++) {
                    v -= diffPoly[i] * yExt[t - i];
                }
                yExt[t] = v;
                mean[h] = v;
            }
            // psi weights of theta(B) / (phi(B) * diff(B)) give the forecast error variance
            double[] phiFull = multiply(arPolynomial(ar), diffPoly);
            double[] psi = new double[horizon];
            psi[0] = 1;
            for (int j = 1; j < horizon; j++) {
                double v = j - 1 < ma.length ? ma[j - 1] : 0;
                for (int i = 1; i < phiFull.length && i <= j; i++) {
                    v -= phiFull[i] * psi[j - i];
                }
                psi[j] = v;
            }
            double[] sd = new double[horizon];
            double cum = 0;
            for (int h = 0; h < horizon; h++) {
                cum += psi[h] * psi[h];
                sd[h] = Math.sqrt(sigma2 * cum);
            }
            return new double[][] {mean, sd};
        }

        /** The number of estimated ARMA coefficients and mean (the variance not included). */
        int parameters() {
            int[] o = orders(method);
            return o[0] + o[2] + o[3] + o[5] + (o[1] + o[4] == 0 ? 1 : 0);
        }

        private static double[] arPolynomial(double[] ar) {
            double[] out = new double[ar.length + 1];
            out[0] = 1;
            for (int i = 0; i < ar.length; i++) {
                out[i + 1] = -ar[i];
            }
            return out;
        }
    }

    /** {@code {p, d, q, P, D, Q, m}} of a model name such as {@code sarima(1,0,1)(0,0,1)7}. */
    static int[] orders(String method) {
        String[] parts = method.replace("sarima(", "").split("[(),]+");
        int[] o = new int[7];
        for (int i = 0; i < 7; i++) {
            o[i] = Integer.parseInt(parts[i]);
        }
        return o;
    }

    /** The model of a name such as {@code sarima(1,0,1)(0,0,1)7}. */
    static Sarima of(String method) {
        int[] o = orders(method);
        return new Sarima(o[0], o[1], o[2], o[3], o[4], o[5], o[6]);
    }

    /** KPSS level-stationarity statistic with a Bartlett long-run variance (short lag truncation). */
    static double kpss(double[] y) {
        int n = y.length;
        double mean = ExponentialSmoothing.mean(y, 0, n);
        double[] e = new double[n];
        for (int i = 0; i < n; i++) {
            e[i] = y[i] - mean;
        }
        double s = 0;
        double eta = 0;
        for (int i = 0; i < n; i++) {
            s += e[i];
            eta += s * s;
        }
        eta /= (double) n * n;
        int lags = (int) Math.floor(4 * Math.pow(n / 100.0, 0.25));
        double lrv = 0;
        for (double v : e) {
            lrv += v * v;
        }
        lrv /= n;
        for (int l = 1; l <= lags; l++) {
            double c = 0;
            for (int i = l; i < n; i++) {
                c += e[i] * e[i - l];
            }
            lrv += 2 * (1 - l / (lags + 1.0)) * c / n;
        }
        return lrv > 0 ? eta / lrv : 0;
    }

    /** Seasonal strength F_s = max(0, 1 - var(remainder) / var(seasonal + remainder)) from a moving-average decomposition. */
    static double seasonalStrength(double[] y, int m) {
        int n = y.length;
        if (n < 3 * m) {
            return 0;
        }
        double[] trend = new double[n];
        int half = m / 2;
        for (int t = half; t < n - half; t++) {
            trend[t] = ExponentialSmoothing.mean(y, t - half, t + half + 1);
        }
        double[] seasonal = new double[m];
        int[] count = new int[m];
        for (int t = half; t < n - half; t++) {
            seasonal[t % m] += y[t] - trend[t];
            count[t % m]++;
        }
        for (int j = 0; j < m; j++) {
            seasonal[j] /= Math.max(1, count[j]);
        }
        double[] detrended = new double[n - 2 * half];
        double[] remainder = new double[n - 2 * half];
        for (int t = half; t < n - half; t++) {
            detrended[t - half] = y[t] - trend[t];
            remainder[t - half] = detrended[t - half] - seasonal[t % m];
        }
        double vd = variance(detrended);
        return vd > 0 ? Math.max(0, 1 - variance(remainder) / vd) : 0;
    }

    /** auto.arima-style stepwise selection by AICc over p, q in 0..2 and P, Q in 0..1. */
    public static Forecaster auto(int m) {
        return new Forecaster() {
            @Override
            public String name() {
                return "sarima-auto";
            }

            @Override
            public Forecast forecast(double[] history, int horizon, double level) {
                Fitted best = select(history, m);
                Forecast f = best.forecast(horizon, level);
                return new Forecast("sarima-auto:" + best.method(), f.mean(), f.lower(), f.upper(), f.aicc());
            }
        };
    }

    static Fitted select(double[] y, int m) {
        int[] differencing = differencing(y, m);
        return select(y, m, differencing[0], differencing[1]);
    }

    /** {@code {d, D}}: D by seasonal strength, then d by a KPSS test on the seasonally differenced series. */
    static int[] differencing(double[] y, int m) {
        int seasonalD = seasonalStrength(y, m) > 0.64 ? 1 : 0;
        double[] afterSeasonal = difference(y, 0, seasonalD, m);
        int d = kpss(afterSeasonal) > 0.463 ? 1 : 0;
        return new int[] {d, seasonalD};
    }

    /** The stepwise order search with the differencing orders given (so AICc values stay comparable). */
    static Fitted select(double[] y, int m, int d, int seasonalD) {
        // Hyndman-Khandakar stepwise search instead of the full grid: a few starting models, then
        // moves of one order at a time while AICc improves (p, q <= MAX_ORDER; P, Q <= 1)
        java.util.Map<java.util.List<Integer>, Fitted> tried = new java.util.HashMap<>();
        int[][] starts = {{2, 2, 1, 1}, {0, 0, 0, 0}, {1, 0, 1, 0}, {0, 1, 0, 1}};
        Fitted best = null;
        int[] bestOrder = null;
        for (int[] o : starts) {
            Fitted f = fitOrder(y, o, d, seasonalD, m, tried);
            if (f != null && (best == null || f.aicc() < best.aicc())) {
                best = f;
                bestOrder = o;
            }
        }
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int[] move : MOVES) {
                int[] o = new int[4];
                for (int i = 0; i < 4; i++) {
                    o[i] = bestOrder[i] + move[i];
                }
                Fitted f = fitOrder(y, o, d, seasonalD, m, tried);
                if (f != null && f.aicc() < best.aicc() - 1e-9) {
                    best = f;
                    bestOrder = o;
                    improved = true;
                    break;
                }
            }
        }
        return best;
    }

    private static final int MAX_ORDER = 2;

    private static final int[][] MOVES = {
        {1, 0, 0, 0},
        {-1, 0, 0, 0},
        {0, 1, 0, 0},
        {0, -1, 0, 0},
        {1, 1, 0, 0},
        {-1, -1, 0, 0},
        {0, 0, 1, 0},
        {0, 0, -1, 0},
        {0, 0, 0, 1},
        {0, 0, 0, -1}
    };

    private static Fitted fitOrder(
            double[] y, int[] o, int d, int seasonalD, int m, java.util.Map<java.util.List<Integer>, Fitted> tried) {
        if (o[0] < 0
                || o[1] < 0
                || o[2] < 0
                || o[3] < 0
                || o[0] > MAX_ORDER
                || o[1] > MAX_ORDER
                || o[2] > 1
                || o[3] > 1) {
            return null;
        }
        java.util.List<Integer> key = java.util.List.of(o[0], o[1], o[2], o[3]);
        Fitted cached = tried.get(key);
        if (cached != null || tried.containsKey(key)) {
            // an order already tried cannot improve on the current best
            return null;
        }
        Fitted f = new Sarima(o[0], d, o[1], o[2], seasonalD, o[3], m).fit(y);
        tried.put(key, f);
        return f;
    }
}
