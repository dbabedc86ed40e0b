package com.freshloop.supply.forecast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Known exogenous daily values (holiday indicators, weather) for every day of a history and of the
 * horizon after it: {@code columns[j][t]} is regressor {@code names[j]} on day {@code t}, where days
 * {@code 0 .. history-1} are the history and {@code history .. history+horizon-1} the forecast days.
 *
 * @param names one name per column, e.g. {@code holiday}, {@code temperatureC}
 * @param columns one array per regressor, each of length history + horizon
 */
public record Regressors(List<String> names, double[][] columns) {

    public Regressors {
        names = List.copyOf(names);
        if (names.size() != columns.length) {
            throw new IllegalArgumentException("one name per column");
        }
        for (int j = 1; j < columns.length; j++) {
            if (columns[j].length != columns[0].length) {
                throw new IllegalArgumentException("columns of different lengths");
            }
        }
    }

    private static final Regressors NONE = new Regressors(List.of(), new double[0][]);

    /** No regressors: every forecaster behaves exactly as its univariate self. */
    public static Regressors none() {
        return NONE;
    }

    public boolean isEmpty() {
        return columns.length == 0;
    }

    public int count() {
        return columns.length;
    }

    /** How many days (history + horizon) the columns cover; 0 when there are none. */
    public int days() {
        return columns.length == 0 ? 0 : columns[0].length;
    }

    /** These regressors followed by {@code other}'s (both must cover the same days). */
    public Regressors and(Regressors other) {
        if (isEmpty()) {
            return other;
        }
        if (other.isEmpty()) {
            return this;
        }
        List<String> allNames = new ArrayList<>(names);
        allNames.addAll(other.names);
        double[][] all = Arrays.copyOf(columns, columns.length + other.columns.length);
        System.arraycopy(other.columns, 0, all, columns.length, other.columns.length);
        return new Regressors(allNames, all);
    }
}
