package com.freshloop.profile.clustering;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means with k-means++ seeding (Arthur and Vassilvitskii, 2007) and Lloyd iterations on dense,
 * already standardised rows; plus the silhouette coefficient used to choose k. Deterministic for a
 * seed. Rows are {@code double[n][d]}; nothing is copied.
 */
public final class KMeans {

    /**
     * @param centroids k x d
     * @param assignment cluster of each row
     * @param inertia sum of squared distances to the assigned centroid
     * @param iterations Lloyd iterations run
     */
    public record Result(double[][] centroids, int[] assignment, double inertia, int iterations) {
        public int k() {
            return centroids.length;
        }

        public int[] sizes() {
            int[] sizes = new int[centroids.length];
            for (int a : assignment) {
                sizes[a]++;
            }
            return sizes;
        }
    }

    private KMeans() {}

    public static Result fit(double[][] rows, int k, long seed, int maxIterations) {
        if (rows.length < k) {
            throw new IllegalArgumentException("need at least k=" + k + " rows, got " + rows.length);
        }
        double[][] centroids = seed(rows, k, new SplittableRandom(seed));
        int[] assignment = new int[rows.length];
        Arrays.fill(assignment, -1);
        int d = rows[0].length;
        double inertia = 0;
        int iteration = 0;
        while (iteration < maxIterations) {
            iteration++;
            boolean changed = false;
            inertia = 0;
            for (int i = 0; i < rows.length; i++) {
                int best = nearest(rows[i], centroids);
                inertia += squared(rows[i], centroids[best]);
                if (best != assignment[i]) {
                    assignment[i] = best;
                    changed = true;
                }
            }
            if (!changed) {
                break;
            }
            double[][] sums = new double[k][d];
            int[] counts = new int[k];
            for (int i = 0; i < rows.length; i++) {
                int a = assignment[i];
                counts[a]++;
                double[] row = rows[i];
                double[] sum = sums[a];
                for (int j = 0; j < d; j++) {
                    sum[j] += row[j];
                }
            }
            for (int c = 0; c < k; c++) {
                if (counts[c] == 0) {
                    // an emptied cluster takes the row farthest from its centroid
                    int far = farthest(rows, assignment, centroids);
                    centroids[c] = rows[far].clone();
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    centroids[c][j] = sums[c][j] / counts[c];
                }
            }
        }
        return new Result(centroids, assignment, inertia, iteration);
    }

    /** k-means++: each next centroid is drawn with probability proportional to its squared distance. */
    static double[][] seed(double[][] rows, int k, SplittableRandom random) {
        double[][] centroids = new double[k][];
        centroids[0] = rows[random.nextInt(rows.length)].clone();
        double[] distance = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            distance[i] = squared(rows[i], centroids[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (double v : distance) {
                total += v;
            }
            int chosen;
            if (total == 0) {
                chosen = random.nextInt(rows.length);
            } else {
                double target = random.nextDouble() * total;
                chosen = rows.length - 1;
                for (int i = 0; i < rows.length; i++) {
                    target -= distance[i];
                    if (target <= 0) {
                        chosen = i;
                        break;
                    }
                }
            }
            centroids[c] = rows[chosen].clone();
            for (int i = 0; i < rows.length; i++) {
                distance[i] = Math.min(distance[i], squared(rows[i], centroids[c]));
            }
        }
        return centroids;
    }

    public static int nearest(double[] row, double[][] centroids) {
        int best = 0;
        double bestDistance = Double.MAX_VALUE;
        for (int c = 0; c < centroids.length; c++) {
            double distance = squared(row, centroids[c]);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = c;
            }
        }
        return best;
    }

    private static int farthest(double[][] rows, int[] assignment, double[][] centroids) {
        int far = 0;
        double farDistance = -1;
        for (int i = 0; i < rows.length; i++) {
            double distance = squared(rows[i], centroids[assignment[i]]);
            if (distance > farDistance) {
                farDistance = distance;
                far = i;
            }
        }
        return far;
    }

    static double squared(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    /**
     * Mean silhouette of the given rows (Rousseeuw, 1987): for each row, (b - a) / max(a, b) where a
     * is its mean distance to its own cluster and b to the nearest other cluster. O(n^2): pass a sample.
     */
    public static double silhouette(double[][] rows, int[] assignment, int k) {
        int n = rows.length;
        double total = 0;
        int counted = 0;
        int[] sizes = new int[k];
        for (int a : assignment) {
            sizes[a]++;
        }
        double[] sums = new double[k];
        for (int i = 0; i < n; i++) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (i != j) {
                    sums[assignment[j]] += Math.sqrt(squared(rows[i], rows[j]));
                }
            }
            int own = assignment[i];
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            if (b == Double.MAX_VALUE) {
                continue;
            }
            total += (b - a) / Math.max(a, b);
            counted++;
        }
        return counted == 0 ? 0 : total / counted;
    }
}
