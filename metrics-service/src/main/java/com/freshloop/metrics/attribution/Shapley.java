package com.freshloop.metrics.attribution;

/**
 * Exact Shapley values of a cooperative game with up to {@value #MAX_PLAYERS} players.
 *
 * <p>A game is its characteristic function as an array {@code v} of length {@code 2^n}: {@code
 * v[S]} is the worth of the coalition whose members are the set bits of {@code S} (player {@code i}
 * is bit {@code i}). Player i's value is the average of its marginal contribution over every order
 * in which the players can join, which sums over the coalitions without i:
 *
 * <pre>
 *   phi_i = sum over S not containing i of |S|! (n - |S| - 1)! / n! * (v(S + i) - v(S))
 * </pre>
 *
 * That is {@code n * 2^(n-1)} terms: 24,576 for 12 players, nothing to sample.
 */
public final class Shapley {

    public static final int MAX_PLAYERS = 12;

    private Shapley() {}

    /** The Shapley value of every player of the game {@code v} ({@code v.length} = 2^n). */
    public static double[] values(double[] v) {
        int n = Integer.numberOfTrailingZeros(v.length);
        if (v.length != 1 << n) {
            throw new IllegalArgumentException("a game of n players has 2^n coalitions, not " + v.length);
        }
        if (n > MAX_PLAYERS) {
            throw new IllegalArgumentException("at most " + MAX_PLAYERS + " players, not " + n);
        }
        double[] weight = new double[Math.max(n, 1)];
        for (int s = 0; s < n; s++) {
            // |S|! (n-|S|-1)! / n!  =  1 / (n * C(n-1, |S|))
            weight[s] = 1.0 / (n * binomial(n - 1, s));
        }
        double[] phi = new double[n];
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            double sum = 0;
            for (int coalition = 0; coalition < v.length; coalition++) {
                if ((coalition & bit) == 0) {
                    sum += weight[Integer.bitCount(coalition)] * (v[coalition | bit] - v[coalition]);
                }
            }
            phi[i] = sum;
        }
        return phi;
    }

    /**
     * The attribution game of Zhao et al. (2018): {@code v(S)} = the conversions of journeys whose
     * touchpoint set is a subset of S, from the conversions per exact touchpoint set (the subset-sum,
     * or zeta, transform).
     *
     * @param conversionsBySet conversions whose journeys touched exactly the players of each index
     */
    public static double[] subsetGame(double[] conversionsBySet) {
        double[] v = conversionsBySet.clone();
        int n = Integer.numberOfTrailingZeros(v.length);
        for (int i = 0; i < n; i++) {
            int bit = 1 << i;
            for (int coalition = 0; coalition < v.length; coalition++) {
                if ((coalition & bit) != 0) {
                    v[coalition] += v[coalition ^ bit];
                }
            }
        }
        return v;
    }

    private static double binomial(int n, int k) {
        double result = 1;
        for (int j = 1; j <= k; j++) {
            result = result * (n - k + j) / j;
        }
        return result;
    }
}
