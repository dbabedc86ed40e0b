package com.freshloop.supply.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.supply.forecast.ExponentialSmoothing.Season;
import com.freshloop.supply.forecast.ExponentialSmoothing.Trend;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ForecastMethodsTests {

    private static final double[] WEEK = {-4, -2, 0, 1, 2, 6, -3};

    private static double[] series(int n, long seed, double level, double slope, double[] weekly, double noise) {
        Random random = new Random(seed);
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = level + slope * t + (weekly == null ? 0 : weekly[t % 7]) + noise * random.nextGaussian();
        }
        return y;
    }

    @Test
    void simpleSmoothingForecastsTheLevelOfAFlatSeries() {
        double[] y = series(300, 1, 50, 0, null, 2);
        Forecast f = ExponentialSmoothing.simple().forecast(y, 10, 0.95);
        assertThat(f.mean()[0]).isCloseTo(50, within(1.5));
        assertThat(f.mean()[9]).isEqualTo(f.mean()[0]);
    }

    @Test
    void holtExtrapolatesALinearTrend() {
        double[] y = series(200, 2, 10, 0.5, null, 0.5);
        Forecast f = ExponentialSmoothing.holt().forecast(y, 20, 0.95);
        // the truth 20 days after the last observation is 10 + 0.5 * 219
        assertThat(f.mean()[19]).isCloseTo(10 + 0.5 * 219, within(3.0));
    }

    @Test
    void dampedTrendFlattensAndKeepsPhiInItsBounds() {
        double[] y = series(200, 3, 10, 0.5, null, 0.5);
        ExponentialSmoothing.Fitted fit = ExponentialSmoothing.dampedHolt().fit(y);
        assertThat(fit.phi()).isBetween(0.8, 0.98);
        Forecast f = fit.forecast(200, 0.95);
        double lastStep = f.mean()[199] - f.mean()[198];
        assertThat(lastStep).isLessThan(f.mean()[1] - f.mean()[0]).isGreaterThanOrEqualTo(0);
    }

    @Test
    void additiveHoltWintersRecoversTheWeeklyPattern() {
        double[] y = series(364, 4, 30, 0, WEEK, 0.5);
        Forecast f = new ExponentialSmoothing(Trend.NONE, Season.ADDITIVE, 7).forecast(y, 7, 0.95);
        for (int h = 0; h < 7; h++) {
            assertThat(f.mean()[h]).isCloseTo(30 + WEEK[(364 + h) % 7], within(1.0));
        }
    }

    @Test
    void multiplicativeHoltWintersRecoversSeasonalFactors() {
        double[] factors = {0.6, 0.8, 1.0, 1.0, 1.2, 1.6, 0.8};
        Random random = new Random(5);
        double[] y = new double[364];
        for (int t = 0; t < y.length; t++) {
            y[t] = 40 * factors[t % 7] + random.nextGaussian();
        }
        Forecast f = new ExponentialSmoothing(Trend.NONE, Season.MULTIPLICATIVE, 7).forecast(y, 7, 0.95);
        for (int h = 0; h < 7; h++) {
            assertThat(f.mean()[h]).isCloseTo(40 * factors[(364 + h) % 7], within(2.0));
        }
    }

    @Test
    void automaticEtsPicksASeasonalModelForASeasonalSeries() {
        double[] y = series(364, 6, 30, 0, WEEK, 0.5);
        Forecast f = ExponentialSmoothing.auto(7).forecast(y, 7, 0.95);
        assertThat(f.method()).matches("ets-auto:ets\\(A,.*,[AM]\\)");
    }

    @Test
    void intervalsContainThePointForecastAndWidenWithTheHorizon() {
        double[] y = series(300, 7, 50, 0, null, 3);
        Forecast f = ExponentialSmoothing.simple().forecast(y, 14, 0.95);
        for (int h = 0; h < 14; h++) {
            assertThat(f.lower()[h]).isLessThanOrEqualTo(f.mean()[h]);
            assertThat(f.upper()[h]).isGreaterThanOrEqualTo(f.mean()[h]);
        }
        assertThat(f.upper()[13] - f.lower()[13]).isGreaterThan(f.upper()[0] - f.lower()[0]);
        // roughly +-1.96 sigma one step ahead
        assertThat(f.upper()[0] - f.lower()[0]).isCloseTo(2 * 1.96 * 3, within(2.0));
    }

    @Test
    void arimaEstimatesAnAutoregressiveCoefficient() {
        Random random = new Random(8);
        double[] y = new double[600];
        for (int t = 1; t < y.length; t++) {
            y[t] = 0.7 * y[t - 1] + random.nextGaussian();
        }
        for (int t = 0; t < y.length; t++) {
            y[t] += 20;
        }
        Sarima.Fitted fit = new Sarima(1, 0, 0, 0, 0, 0, 7).fit(y);
        assertThat(fit.coefficients().ar()[0]).isCloseTo(0.7, within(0.08));
        assertThat(fit.mu()).isCloseTo(20, within(0.5));
        assertThat(fit.sigma2()).isCloseTo(1, within(0.2));
        // the forecast decays toward the mean
        Forecast f = fit.forecast(60, 0.95);
        assertThat(f.mean()[59]).isCloseTo(20, within(0.5));
    }

    @Test
    void arimaEstimatesAMovingAverageCoefficient() {
        Random random = new Random(9);
        double[] y = new double[800];
        double previous = 0;
        for (int t = 0; t < y.length; t++) {
            double e = random.nextGaussian();
            y[t] = 5 + e + 0.5 * previous;
            previous = e;
        }
        Sarima.Fitted fit = new Sarima(0, 0, 1, 0, 0, 0, 7).fit(y);
        assertThat(fit.coefficients().ma()[0]).isCloseTo(0.5, within(0.08));
    }

    @Test
    void automaticSeasonalArimaDifferencesAStronglySeasonalSeriesAndForecastsItsPattern() {
        double[] y = series(280, 10, 30, 0, WEEK, 0.3);
        Forecast f = Sarima.auto(7).forecast(y, 7, 0.95);
        assertThat(f.method()).contains(",1,").startsWith("sarima-auto:sarima(");
        for (int h = 0; h < 7; h++) {
            assertThat(f.mean()[h]).isCloseTo(30 + WEEK[(280 + h) % 7], within(1.0));
        }
    }

    @Test
    void kpssFlagsARandomWalkButNotWhiteNoise() {
        Random random = new Random(11);
        double[] walk = new double[400];
        double[] noise = new double[400];
        for (int t = 1; t < walk.length; t++) {
            walk[t] = walk[t - 1] + random.nextGaussian();
            noise[t] = random.nextGaussian();
        }
        assertThat(Sarima.kpss(walk)).isGreaterThan(0.463);
        assertThat(Sarima.kpss(noise)).isLessThan(0.463);
    }

    @Test
    void partialAutocorrelationTransformAlwaysGivesAStationaryPolynomial() {
        // AR(2) stationarity triangle: |phi2| < 1, phi2 + phi1 < 1, phi2 - phi1 < 1
        for (double a = -5; a <= 5; a += 0.5) {
            for (double b = -5; b <= 5; b += 0.5) {
                double[] phi = Sarima.pacfToCoefficients(new double[] {a, b});
                assertThat(Math.abs(phi[1])).isLessThan(1);
                assertThat(phi[1] + phi[0]).isLessThan(1);
                assertThat(phi[1] - phi[0]).isLessThan(1);
            }
        }
    }

    @Test
    void crostonAndTsbForecastTheDemandRateOfAnIntermittentSeries() {
        Random random = new Random(12);
        double[] y = new double[500];
        for (int t = 0; t < y.length; t++) {
            y[t] = random.nextDouble() < 0.2 ? 5 : 0;
        }
        // rate = 0.2 * 5 = 1 unit a day
        assertThat(Intermittent.croston().forecast(y, 7, 0.95).mean()[0]).isCloseTo(1.0, within(0.35));
        assertThat(Intermittent.tsb().forecast(y, 7, 0.95).mean()[0]).isCloseTo(1.0, within(0.35));
    }

    @Test
    void tsbDecaysTowardZeroWhenAnItemStopsSelling() {
        double[] y = new double[300];
        for (int t = 0; t < 200; t++) {
            y[t] = t % 3 == 0 ? 3 : 0;
        }
        assertThat(Intermittent.tsb().forecast(y, 7, 0.95).mean()[0]).isLessThan(0.3);
    }

    @Test
    void baselinesRepeatTheLastWeekAndAverageTheLastDays() {
        double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14};
        assertThat(Baselines.seasonalNaive(7).forecast(y, 9, 0.95).mean())
                .containsExactly(8, 9, 10, 11, 12, 13, 14, 8, 9);
        assertThat(Baselines.meanOfLast(4).forecast(y, 2, 0.95).mean()).containsExactly(12.5, 12.5);
    }

    @Test
    void accuracyMeasuresFollowTheirDefinitions() {
        double[] train = {0, 0, 1, 3, 1, 3};
        double[] actual = {2, 2};
        double[] forecast = {1, 3};
        // RMSSE scale from the first non-zero day: diffs 2, -2, 2 -> MSE 4; test MSE 1 -> sqrt(1/4)
        assertThat(Accuracy.rmsse(train, actual, forecast)).isCloseTo(0.5, within(1e-12));
        // MASE with m = 2: |1-0|, |3-0|, |1-1|, |3-3| -> 1; test MAE 1
        assertThat(Accuracy.mase(train, actual, forecast, 2)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void forecastsOfCountsAreNeverNegative() {
        double[] y = new double[120];
        for (int t = 0; t < 120; t++) {
            y[t] = Math.max(0, 60 - t);
        }
        Forecast f = ExponentialSmoothing.holt().forecast(y, 28, 0.95);
        for (int h = 0; h < 28; h++) {
            assertThat(f.mean()[h]).isGreaterThanOrEqualTo(0);
            assertThat(f.lower()[h]).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void combinationAveragesItsMembersAndInverseErrorWeightsFavourTheBetterOne() {
        double[] y = series(200, 13, 10, 0, null, 1);
        Forecaster good = Baselines.meanOfLast(28);
        Forecaster bad = new Forecaster() {
            @Override
            public String name() {
                return "bad";
            }

            @Override
            public Forecast forecast(double[] history, int horizon, double level) {
                double[] v = new double[horizon];
                java.util.Arrays.fill(v, 100);
                return new Forecast("bad", v, v, v, Double.NaN);
            }
        };
        Ensemble mean = new Ensemble("m", List.of(good, bad), Ensemble.Rule.MEAN, 28);
        double expected = (good.forecast(y, 1, 0.95).mean()[0] + 100) / 2;
        assertThat(mean.forecast(y, 1, 0.95).mean()[0]).isCloseTo(expected, within(1e-9));
        double[] weights = new Ensemble("w", List.of(good, bad), Ensemble.Rule.INVERSE_MSE, 28).weights(y);
        assertThat(weights[0]).isGreaterThan(0.99);
        assertThat(new Ensemble("b", List.of(bad, good), Ensemble.Rule.BEST, 28).weights(y))
                .containsExactly(0, 1);
    }

    @Test
    void productForecasterSendsSlowMoversToTsb() {
        double[] y = new double[200];
        for (int t = 0; t < y.length; t += 6) {
            y[t] = 2;
        }
        assertThat(Ensemble.product().forecast(y, 7, 0.95).method()).isEqualTo("freshloop:tsb");
    }
}
