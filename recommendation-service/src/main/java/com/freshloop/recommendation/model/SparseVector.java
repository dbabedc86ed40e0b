package com.freshloop.recommendation.model;

import java.util.Arrays;

/** An immutable sparse vector over item ids, indices ascending. */
public record SparseVector(int[] indices, double[] values) {

    public static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    /** Collects the non-zero entries of a dense vector. */
    public static SparseVector of(double[] dense) {
        int n = 0;
        for (double v : dense) {
            if (v != 0) {
                n++;
            }
        }
        int[] indices = new int[n];
        double[] values = new double[n];
        int j = 0;
        for (int i = 0; i < dense.length; i++) {
            if (dense[i] != 0) {
                indices[j] = i;
                values[j++] = dense[i];
            }
        }
        return new SparseVector(indices, values);
    }

    public int size() {
        return indices.length;
    }

    public double squaredNorm() {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return sum;
    }

    public double get(int index) {
        int at = Arrays.binarySearch(indices, index);
        return at >= 0 ? values[at] : 0;
    }

    /** Adds {@code weight} times this vector to a dense vector. */
    public void addTo(double[] dense, double weight) {
        for (int i = 0; i < indices.length; i++) {
            dense[indices[i]] += weight * values[i];
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SparseVector v && Arrays.equals(v.indices, indices) && Arrays.equals(v.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < indices.length; i++) {
            text.append(i == 0 ? "" : ", ").append(indices[i]).append('=').append(values[i]);
        }
        return text.append('}').toString();
    }
}
