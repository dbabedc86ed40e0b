package com.freshloop.recommendation.model;

/**
 * L2-regularised logistic regression fitted by Newton's method on standardised features. Small and
 * exact: the ranker has a couple of dozen features and a few million candidate rows.
 */
public final class LogisticRegression {

    private LogisticRegression() {}

    /**
     * Fits weights for {@code rows} rows of {@code d} features stored row-major in {@code x} (feature 0
     * must be the constant 1). Returns weights on the original feature scale.
     */
    public static double[] fit(float[] x, boolean[] y, int rows, int d, double l2, int iterations) {
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int r = 0; r < rows; r++) {
            for (int j = 1; j < d; j++) {
                mean[j] += x[r * d + j];
            }
        }
        for (int j = 1; j < d; j++) {
            mean[j] /= Math.max(rows, 1);
        }
        for (int r = 0; r < rows; r++) {
            for (int j = 1; j < d; j++) {
                double v = x[r * d + j] - mean[j];
                scale[j] += v * v;
            }
        }
        scale[0] = 1;
        for (int j = 1; j < d; j++) {
            scale[j] = Math.sqrt(scale[j] / Math.max(rows, 1));
            if (scale[j] < 1e-12) {
                scale[j] = 1;
            }
        }
        double[] w = new double[d];
        double[] z = new double[d];
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < rows; r++) {
                standardise(x, r, d, mean, scale, z);
                double margin = 0;
                for (int j = 0; j < d; j++) {
                    margin += w[j] * z[j];
                }
                double p = 1 / (1 + Math.exp(-margin));
                double error = p - (y[r] ? 1 : 0);
                double curvature = Math.max(p * (1 - p), 1e-9);
                for (int j = 0; j < d; j++) {
                    gradient[j] += error * z[j];
                    double cz = curvature * z[j];
                    for (int k = 0; k <= j; k++) {
                        hessian[j][k] += cz * z[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hessian[k][j] = hessian[j][k];
                }
                if (j > 0) {
                    gradient[j] += l2 * w[j];
                    hessian[j][j] += l2;
                } else {
                    hessian[j][j] += 1e-6;
                }
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j < d; j++) {
                w[j] -= step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-6) {
                break;
            }
        }
        double[] original = new double[d];
        original[0] = w[0];
        for (int j = 1; j < d; j++) {
            original[j] = w[j] / scale[j];
            original[0] -= w[j] * mean[j] / scale[j];
        }
        return original;
    }

    private static void standardise(float[] x, int r, int d, double[] mean, double[] scale, double[] z) {
        z[0] = 1;
        for (int j = 1; j < d; j++) {
            z[j] = (x[r * d + j] - mean[j]) / scale[j];
        }
    }

    /** Solves {@code a * s = b} for a symmetric positive definite {@code a} (Cholesky). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    l[i][i] = Math.sqrt(Math.max(sum, 1e-12));
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] s = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * s[k];
            }
            s[i] = sum / l[i][i];
        }
        return s;
    }
}
