package com.freshloop.supply.forecast;

/** A univariate daily demand forecaster. Implementations are stateless and thread-safe. */
public interface Forecaster {

    /** Short stable name used in reports and the API. */
    String name();

    /**
     * Fits the method to the history and forecasts {@code horizon} days ahead.
     *
     * @param history daily demand, oldest first, missing days as 0
     * @param level coverage of the prediction interval, e.g. 0.95
     */
    Forecast forecast(double[] history, int horizon, double level);

    /** The two-sided normal quantile for a central interval of the given coverage. */
    static double z(double level) {
        return new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(0.5 + level / 2);
    }
}
