package com.freshloop.supply.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegressorForecastTests {

    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final int HISTORY = 2 * 364;
    private static final int HORIZON = 14;
    private static final double[] WEEK = {-3, -1, 0, 1, 2, 5, -4};
    private static final double HOLIDAY_EFFECT = -20;
    private static final double PRE_HOLIDAY_EFFECT = 8;
    private static final double TEMPERATURE_EFFECT = 0.8;

    /** Twelve holidays a year on fixed days-of-year, each with a one-day pre-holiday window, and one in the horizon. */
    private static HolidayCalendar calendar() {
        List<Holiday> holidays = new ArrayList<>();
        int[] dayOfYear = {1, 35, 64, 95, 120, 152, 185, 213, 244, 275, 305, 340};
        for (int year = 0; year < 2; year++) {
            for (int d : dayOfYear) {
                holidays.add(new Holiday("*", START.plusDays(year * 364L + d), "h" + d, 1, 0));
            }
        }
        holidays.add(new Holiday("sh", START.plusDays(HISTORY + 5), "future", 1, 0));
        return new HolidayCalendar(holidays);
    }

    /** A yearly temperature wave with day-to-day noise. */
    private static double[] temperature(long seed) {
        Random random = new Random(seed);
        double[] t = new double[HISTORY + HORIZON];
        for (int i = 0; i < t.length; i++) {
            t[i] = 15 - 10 * Math.cos(2 * Math.PI * i / 364.0) + 3 * random.nextGaussian();
        }
        return t;
    }

    /** Level 60, weekly pattern, Gaussian noise, plus the known effects of the regressors given. */
    private static double[] demand(long seed, Regressors x, boolean holidayEffects, boolean temperatureEffect) {
        Random random = new Random(seed);
        double[] y = new double[HISTORY];
        for (int t = 0; t < HISTORY; t++) {
            y[t] = 60 + WEEK[t % 7] + 3 * random.nextGaussian();
            for (int j = 0; j < x.count(); j++) {
                String name = x.names().get(j);
                double v = x.columns()[j][t];
                if (holidayEffects && name.equals(HolidayCalendar.HOLIDAY)) {
                    y[t] += HOLIDAY_EFFECT * v;
                } else if (holidayEffects && name.equals(HolidayCalendar.PRE)) {
                    y[t] += PRE_HOLIDAY_EFFECT * v;
                } else if (temperatureEffect && name.equals(Weather.TEMPERATURE)) {
                    y[t] += TEMPERATURE_EFFECT * (v - 15);
                }
            }
        }
        return y;
    }

    private static Regressors holidaysAndTemperature() {
        return calendar()
                .columns("sh", START, HISTORY + HORIZON)
                .and(new Regressors(List.of(Weather.TEMPERATURE), new double[][] {temperature(7)}));
    }

    @Test
    void arimaxRecoversTheHolidayAndTemperatureEffects() {
        Regressors x = holidaysAndTemperature();
        double[] y = demand(11, x, true, true);

        Arimax.Fitted fit = Arimax.fit(y, x, 7);

        assertThat(fit.names()).contains(HolidayCalendar.HOLIDAY, HolidayCalendar.PRE, Weather.TEMPERATURE);
        assertThat(fit.coefficient(HolidayCalendar.HOLIDAY)).isCloseTo(HOLIDAY_EFFECT, within(2.0));
        assertThat(fit.coefficient(HolidayCalendar.PRE)).isCloseTo(PRE_HOLIDAY_EFFECT, within(2.0));
        assertThat(fit.coefficient(Weather.TEMPERATURE)).isCloseTo(TEMPERATURE_EFFECT, within(0.1));
    }

    @Test
    void theProductForecasterForecastsTheHolidayDipAndTheStockingUpBeforeIt() {
        Regressors x = holidaysAndTemperature();
        double[] y = demand(12, x, true, true);

        Forecast with = Ensemble.product().forecast(y, x, HORIZON, 0.95);
        Forecast without = Ensemble.product().forecast(y, HORIZON, 0.95);

        assertThat(with.method()).startsWith("freshloop+x(").contains("holiday");
        // day 5 of the horizon is a holiday, day 4 its eve
        double dip = with.mean()[5] - without.mean()[5];
        double eve = with.mean()[4] - without.mean()[4];
        assertThat(dip).isLessThan(-12);
        assertThat(eve).isGreaterThan(3);
        for (int h = 0; h < HORIZON; h++) {
            assertThat(with.lower()[h]).isLessThanOrEqualTo(with.mean()[h]);
            assertThat(with.upper()[h]).isGreaterThanOrEqualTo(with.mean()[h]);
        }
        // the true holiday mean lies inside its interval
        double truth = 60
                + WEEK[(HISTORY + 5) % 7]
                + HOLIDAY_EFFECT
                + TEMPERATURE_EFFECT * (x.columns()[x.names().indexOf(Weather.TEMPERATURE)][HISTORY + 5] - 15);
        assertThat(truth).isBetween(with.lower()[5], with.upper()[5]);
    }

    @Test
    void arimaxForecastIncludesTheRegressionPartAndItsUncertainty() {
        Regressors x = holidaysAndTemperature();
        double[] y = demand(13, x, true, true);

        Arimax.Fitted fit = Arimax.fit(y, x, 7);
        Forecast f = Arimax.auto(7).forecast(y, x, HORIZON, 0.95);

        assertThat(f.method()).startsWith("arimax-auto:sarima(").contains("+x(");
        assertThat(f.mean()[5]).isLessThan(f.mean()[4] - 15);
        assertThat(fit.regressionVariance(HISTORY + 5)).isPositive();
    }

    @Test
    void aiccRejectsAPureNoiseRegressor() {
        Random random = new Random(21);
        double[] noise = new double[HISTORY + HORIZON];
        for (int t = 0; t < noise.length; t++) {
            noise[t] = random.nextGaussian() * 5;
        }
        Regressors x = new Regressors(List.of("noise", Weather.TEMPERATURE), new double[][] {noise, temperature(8)});
        double[] y = demand(14, x, false, true);

        Arimax.Fitted fit = Arimax.fit(y, x, 7);

        assertThat(fit.names()).containsExactly(Weather.TEMPERATURE);
    }

    @Test
    void aiccRejectsEveryRegressorOfASeriesTheyDoNotAffectAndTheForecastIsTheUnivariateOne() {
        Regressors x = holidaysAndTemperature();
        double[] y = demand(15, x, false, false);

        assertThat(Arimax.fit(y, x, 7).hasRegressors()).isFalse();
        Forecast with = Ensemble.product().forecast(y, x, HORIZON, 0.95);
        Forecast without = Ensemble.product().forecast(y, HORIZON, 0.95);
        assertThat(with.method()).isEqualTo("freshloop");
        assertThat(with.mean()).containsExactly(without.mean());
        assertThat(with.upper()).containsExactly(without.upper());
    }

    @Test
    void withoutRegressorsEveryForecasterGivesExactlyItsUnivariateForecast() {
        double[] y = demand(16, Regressors.none(), false, false);
        for (Forecaster f : List.of(Ensemble.product(), Arimax.auto(7), Sarima.auto(7))) {
            Forecast univariate = f.forecast(y, HORIZON, 0.95);
            Forecast none = f.forecast(y, Regressors.none(), HORIZON, 0.95);
            assertThat(none.method()).isEqualTo(univariate.method());
            assertThat(none.mean()).containsExactly(univariate.mean());
            assertThat(none.lower()).containsExactly(univariate.lower());
            assertThat(none.upper()).containsExactly(univariate.upper());
        }
    }

    @Test
    void aHolidayNeverSeenInTheHistoryCannotCarryAnEffect() {
        // only the horizon holiday: nothing to estimate from
        Regressors x = new HolidayCalendar(List.of(new Holiday("*", START.plusDays(HISTORY + 3), "new", 0, 0)))
                .columns("sh", START, HISTORY + HORIZON);
        double[] y = demand(17, Regressors.none(), false, false);
        assertThat(Arimax.fit(y, x, 7).hasRegressors()).isFalse();
    }

    @Test
    void holidayCalendarReadsItsCsvAndBuildsIndicatorsWithWindows() throws IOException {
        HolidayCalendar calendar = HolidayCalendar.read(new StringReader("""
                region,date,name,pre_days,post_days
                *,2026-10-01,National Day,2,1
                sh-pudong,2026-10-05,Local fair,,
                bj,2026-10-04,Elsewhere
                """));
        assertThat(calendar.forRegion("sh-pudong"))
                .extracting(Holiday::name)
                .containsExactly("National Day", "Local fair");

        Regressors x = calendar.columns("sh-pudong", LocalDate.of(2026, 9, 28), 9);
        assertThat(x.names()).containsExactly(HolidayCalendar.HOLIDAY, HolidayCalendar.PRE, HolidayCalendar.POST);
        // 28 29 30 | 1 | 2 3 4 | 5 | 6
        assertThat(x.columns()[0]).containsExactly(0, 0, 0, 1, 0, 0, 0, 1, 0);
        assertThat(x.columns()[1]).containsExactly(0, 1, 1, 0, 0, 0, 0, 0, 0);
        assertThat(x.columns()[2]).containsExactly(0, 0, 0, 0, 1, 0, 0, 0, 0);
        assertThat(calendar.columns("gz", LocalDate.of(2026, 1, 1), 30).isEmpty())
                .isTrue();

        assertThatThrownBy(() -> HolidayCalendar.read(new StringReader("region,date,name\n*,2026-13-01,Bad\n")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("line 2");
    }

    @Test
    void futureWeatherIsTheSuppliedValueElseClimatologyElsePersistence() throws IOException {
        StringBuilder csv = new StringBuilder("region,date,temperature_c,condition\n");
        // a year and a half of observations: 10 degrees in spring 2025, 20 in the last week observed
        LocalDate first = LocalDate.of(2025, 1, 1);
        for (int i = 0; i < 540; i++) {
            LocalDate day = first.plusDays(i);
            double temperature = day.isBefore(LocalDate.of(2026, 6, 17)) ? 10 : 20;
            csv.append("sh,")
                    .append(day)
                    .append(',')
                    .append(temperature)
                    .append(',')
                    .append(i % 5 == 0 ? "rain" : "sunny")
                    .append('\n');
        }
        Weather weather = Weather.read(new StringReader(csv.toString())).get("sh");
        LocalDate start = LocalDate.of(2026, 1, 1);
        int history = (int) java.time.temporal.ChronoUnit.DAYS.between(start, first.plusDays(540));

        Regressors x = weather.with(List.of(new Weather.Observation(first.plusDays(541), 31, "sunny")))
                .columns(start, history, 3);

        assertThat(x.names()).containsExactly(Weather.TEMPERATURE, Weather.WET);
        double[] t = x.columns()[0];
        assertThat(t[history]).isEqualTo(10); // climatology of the same days in 2025
        assertThat(t[history + 1]).isEqualTo(31); // supplied
        Weather young = Weather.of(weather.days().tailMap(LocalDate.of(2026, 1, 1)).values().stream()
                .toList());
        assertThat(young.columns(start, history, 1).columns()[0][history]).isEqualTo(20); // persistence
        assertThat(Weather.empty().columns(start, history, 1).isEmpty()).isTrue();
    }
}
