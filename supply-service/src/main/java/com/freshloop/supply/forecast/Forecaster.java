package com.freshloop.supply.forecast;

/**
 * A daily demand forecaster. Implementations are stateless and thread-safe. Univariate by default:
 * methods that use regressors override {@link #forecast(double[], Regressors, int, double)}.
 */
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

    /**
     * Forecasts with known regressor values for the history and the horizon ({@code regressors.days()}
     * = history length + horizon). Without regressors every method is exactly its univariate self;
     * methods that do not use regressors ignore them.
     */
    default Forecast forecast(double[] history, Regressors regressors, int horizon, double level) {
        return forecast(history, horizon, level);
    }

    /** The two-sided normal quantile for a central interval of the given coverage. */
    static double z(double level) {
        return new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(0.5 + level / 2);
    }
}
