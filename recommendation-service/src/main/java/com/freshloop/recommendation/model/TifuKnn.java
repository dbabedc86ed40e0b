package com.freshloop.recommendation.model;

import java.util.Arrays;
import java.util.List;

/**
 * TIFU-KNN (Hu, He, Gao, Zhang: "Modeling Personalized Item Frequency Information for Next-basket
 * Recommendation", SIGIR 2020), following the authors' reference implementation (TIFUKNN.py, function
 * {@code evaluate}).
 *
 * <p>Neighbours are found on a "grouped" repeat vector: basket i of n (1-based) is a 0/1 item vector
 * scaled by {@code withinDecay^(n-i)}; the baskets are split in order into {@code groups} groups (earlier
 * groups one basket shorter when n is not a multiple; one basket per group when n is smaller); each group
 * is the mean of its baskets, and the vector is {@code sum_g groupDecay^(groups-1-g) * group_g /
 * realGroups}. The {@code neighbours} nearest pool vectors (Euclidean, brute force) are found. The
 * prediction then blends, as the reference code does, the within-decayed average of the baskets
 * ({@code sum_i withinDecay^(n-i) * b_i / n}) of the shopper and of the neighbours: {@code alpha * own +
 * (1 - alpha) * mean(neighbours)}; the top of that vector is the next basket.
 */
public final class TifuKnn {

    /** Hyper-parameters; {@link #tafeng()} are the published ones for Ta-Feng (k, r_b, r_g, alpha, m). */
    public record Parameters(int neighbours, double withinDecay, double groupDecay, double alpha, int groups) {

        public static Parameters tafeng() {
            return new Parameters(300, 0.9, 0.7, 0.7, 7);
        }
    }

    private final Parameters parameters;
    private final int itemCount;
    private final SparseVector[] pool;
    private final SparseVector[] poolAverages;
    private final double[] poolNorms;
    // Inverted index: for each item, the pool vectors containing it and their values.
    private final int[][] postingUsers;
    private final double[][] postingValues;

    /** Indexes the repeat vectors of the candidate neighbours. */
    public TifuKnn(List<List<Basket>> neighbourHistories, int itemCount, Parameters parameters) {
        this.parameters = parameters;
        this.itemCount = itemCount;
        this.pool = new SparseVector[neighbourHistories.size()];
        this.poolAverages = new SparseVector[pool.length];
        this.poolNorms = new double[pool.length];
        int[] postings = new int[itemCount];
        for (int u = 0; u < pool.length; u++) {
            pool[u] = repeatVector(neighbourHistories.get(u), itemCount, parameters);
            poolAverages[u] = decayedAverage(neighbourHistories.get(u), itemCount, parameters);
            poolNorms[u] = pool[u].squaredNorm();
            for (int item : pool[u].indices()) {
                postings[item]++;
            }
        }
        postingUsers = new int[itemCount][];
        postingValues = new double[itemCount][];
        for (int i = 0; i < itemCount; i++) {
            postingUsers[i] = new int[postings[i]];
            postingValues[i] = new double[postings[i]];
        }
        int[] fill = new int[itemCount];
        for (int u = 0; u < pool.length; u++) {
            SparseVector v = pool[u];
            for (int j = 0; j < v.size(); j++) {
                int item = v.indices()[j];
                postingUsers[item][fill[item]] = u;
                postingValues[item][fill[item]++] = v.values()[j];
            }
        }
    }

    public Parameters parameters() {
        return parameters;
    }

    /** The repeat vector of one history (empty for an empty history). */
    public static SparseVector repeatVector(List<Basket> history, int itemCount, Parameters p) {
        int n = history.size();
        if (n == 0) {
            return SparseVector.EMPTY;
        }
        int m = p.groups();
        int[] groupSizes;
        if (n < m) {
            groupSizes = new int[n];
            Arrays.fill(groupSizes, 1);
        } else {
            int base = n / m;
            int extra = n % m;
            groupSizes = new int[m];
            for (int g = 0; g < m; g++) {
                groupSizes[g] = g < m - extra ? base : base + 1;
            }
        }
        int realGroups = groupSizes.length;
        double[] vector = new double[itemCount];
        int basket = 0;
        for (int g = 0; g < realGroups; g++) {
            // The reference code raises the group decay to (m - 1 - g) even when there are fewer groups than m.
            double groupWeight = Math.pow(p.groupDecay(), m - 1 - g) / groupSizes[g] / realGroups;
            for (int j = 0; j < groupSizes[g]; j++, basket++) {
                double within = Math.pow(p.withinDecay(), n - 1 - basket);
                for (int item : history.get(basket).items()) {
                    vector[item] += within * groupWeight;
                }
            }
        }
        return SparseVector.of(vector);
    }

    /** The within-decayed average of the baskets, the vector the prediction blends. */
    public static SparseVector decayedAverage(List<Basket> history, int itemCount, Parameters p) {
        int n = history.size();
        if (n == 0) {
            return SparseVector.EMPTY;
        }
        double[] vector = new double[itemCount];
        for (int b = 0; b < n; b++) {
            double within = Math.pow(p.withinDecay(), n - 1 - b) / n;
            for (int item : history.get(b).items()) {
                vector[item] += within;
            }
        }
        return SparseVector.of(vector);
    }

    /** The decayed average of one pool shopper. */
    public SparseVector poolAverage(int index) {
        return poolAverages[index];
    }

    /** The indices (into the pool) of the nearest neighbours of a vector, nearest first, without {@code self}. */
    public int[] neighbours(SparseVector query, int self) {
        return neighbours(query, self, parameters.neighbours());
    }

    /** The {@code k} nearest pool vectors of a query, nearest first, without {@code self}. */
    public int[] neighbours(SparseVector query, int self, int wanted) {
        double[] dot = new double[pool.length];
        for (int j = 0; j < query.size(); j++) {
            int item = query.indices()[j];
            double q = query.values()[j];
            int[] users = postingUsers[item];
            double[] values = postingValues[item];
            for (int x = 0; x < users.length; x++) {
                dot[users[x]] += q * values[x];
            }
        }
        double queryNorm = query.squaredNorm();
        double[] distance = new double[pool.length];
        for (int u = 0; u < pool.length; u++) {
            distance[u] = u == self ? Double.POSITIVE_INFINITY : queryNorm + poolNorms[u] - 2 * dot[u];
        }
        int k = Math.min(wanted, self >= 0 && self < pool.length ? pool.length - 1 : pool.length);
        return smallest(distance, k);
    }

    /** The blended TIFU-KNN score of every item for a shopper; {@code self} is the shopper's pool index or -1. */
    public double[] scores(List<Basket> history, int self) {
        double[] merged = neighbourMean(history, self);
        for (int i = 0; i < merged.length; i++) {
            merged[i] *= 1 - parameters.alpha();
        }
        decayedAverage(history, itemCount, parameters).addTo(merged, parameters.alpha());
        return merged;
    }

    /** The mean decayed average of the shopper's nearest neighbours (the collaborative half of TIFU-KNN). */
    public double[] neighbourMean(List<Basket> history, int self) {
        double[] mean = new double[itemCount];
        int[] nearest = neighbours(repeatVector(history, itemCount, parameters), self);
        for (int u : nearest) {
            poolAverages[u].addTo(mean, 1.0 / nearest.length);
        }
        return mean;
    }

    /** The indices of the {@code k} smallest values, smallest first (ties: lower index first). */
    static int[] smallest(double[] values, int k) {
        // A bounded max-heap over (value, index): the root is the worst of the best k seen so far.
        int[] heap = new int[k];
        int size = 0;
        for (int i = 0; i < values.length && k > 0; i++) {
            if (size < k) {
                heap[size] = i;
                siftUp(heap, size++, values);
            } else if (worse(heap[0], i, values)) {
                heap[0] = i;
                siftDown(heap, size, values);
            }
        }
        int[] result = Arrays.copyOf(heap, size);
        Integer[] boxed = Arrays.stream(result).boxed().toArray(Integer[]::new);
        Arrays.sort(boxed, (a, b) -> worse(a, b, values) ? 1 : worse(b, a, values) ? -1 : 0);
        for (int i = 0; i < size; i++) {
            result[i] = boxed[i];
        }
        return result;
    }

    // true when index a ranks after index b (larger value, or same value and larger index)
    private static boolean worse(int a, int b, double[] values) {
        int c = Double.compare(values[a], values[b]);
        return c > 0 || (c == 0 && a > b);
    }

    private static void siftUp(int[] heap, int at, double[] values) {
        while (at > 0) {
            int parent = (at - 1) / 2;
            if (!worse(heap[at], heap[parent], values)) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[parent];
            heap[parent] = t;
            at = parent;
        }
    }

    private static void siftDown(int[] heap, int size, double[] values) {
        int at = 0;
        while (true) {
            int left = 2 * at + 1;
            int right = left + 1;
            int worst = at;
            if (left < size && worse(heap[left], heap[worst], values)) {
                worst = left;
            }
            if (right < size && worse(heap[right], heap[worst], values)) {
                worst = right;
            }
            if (worst == at) {
                return;
            }
            int t = heap[at];
            heap[at] = heap[worst];
            heap[worst] = t;
            at = worst;
        }
    }
}
