package com.freshloop.profile.clustering;

import java.util.List;

/**
 * The behaviour features clusters are built on, one row per user. Skewed counts and amounts are
 * log-transformed, the preferred hour is placed on a circle (sin, cos) so 23:00 is close to 00:00,
 * then every column is standardised (z-score) with the means and deviations stored in the model.
 */
public final class BehaviourFeatures {

    /** Column names, in row order. */
    public static final List<String> COLUMNS = List.of(
            "recency_days",
            "log_frequency",
            "log_monetary",
            "basket_units",
            "avg_unit_price",
            "fresh_share",
            "coupon_share",
            "hour_sin",
            "hour_cos");

    static final int RECENCY = 0;
    static final int FREQUENCY = 1;
    static final int MONETARY = 2;
    static final int BASKET = 3;
    static final int UNIT_PRICE = 4;
    static final int FRESH = 5;
    static final int COUPON = 6;
    static final int HOUR_SIN = 7;
    static final int HOUR_COS = 8;

    private BehaviourFeatures() {}

    /**
     * @param recencyDays days since the last order
     * @param orders orders in the window
     * @param spend spend in the window
     * @param units units bought in the window
     * @param freshUnits units of fresh categories (produce, dairy, meat, eggs, seafood, bakery)
     * @param couponOrders orders that used a coupon
     * @param preferredHour the hour of day the user orders most (0-23), or -1 if unknown
     */
    public static double[] row(
            double recencyDays,
            long orders,
            double spend,
            long units,
            long freshUnits,
            long couponOrders,
            int preferredHour) {
        double[] row = new double[COLUMNS.size()];
        row[RECENCY] = recencyDays;
        row[FREQUENCY] = Math.log1p(orders);
        row[MONETARY] = Math.log1p(spend);
        row[BASKET] = orders == 0 ? 0 : units / (double) orders;
        row[UNIT_PRICE] = units == 0 ? 0 : spend / units;
        row[FRESH] = units == 0 ? 0 : freshUnits / (double) units;
        row[COUPON] = orders == 0 ? 0 : couponOrders / (double) orders;
        double angle = preferredHour < 0 ? 0 : 2 * Math.PI * preferredHour / 24.0;
        row[HOUR_SIN] = preferredHour < 0 ? 0 : Math.sin(angle);
        row[HOUR_COS] = preferredHour < 0 ? 0 : Math.cos(angle);
        return row;
    }

    /** Column means and standard deviations of raw rows. */
    public record Scaler(double[] mean, double[] std) {

        public static Scaler fit(double[][] rows) {
            int d = COLUMNS.size();
            double[] mean = new double[d];
            double[] m2 = new double[d];
            long n = 0;
            for (double[] row : rows) {
                n++;
                for (int j = 0; j < d; j++) {
                    double delta = row[j] - mean[j];
                    mean[j] += delta / n;
                    m2[j] += delta * (row[j] - mean[j]);
                }
            }
            double[] std = new double[d];
            for (int j = 0; j < d; j++) {
                double sd = n > 1 ? Math.sqrt(m2[j] / (n - 1)) : 0;
                std[j] = sd < 1e-9 ? 1 : sd;
            }
            return new Scaler(mean, std);
        }

        public double[] transform(double[] row) {
            double[] z = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                z[j] = (row[j] - mean[j]) / std[j];
            }
            return z;
        }
    }
}
