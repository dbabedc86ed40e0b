package com.freshloop.supply.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastBacktestTests {

    @TempDir
    Path dir;

    /** "milk" sells 1..7 units by weekday (a perfect weekly cycle); "eggs" 1 a day; "salt" once. */
    private Path transactions() throws Exception {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("dd-MM-yyyy");
        List<String> lines = new ArrayList<>();
        lines.add("Member_number,Date,itemDescription");
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int day = 0; day < 120; day++) {
            String date = start.plusDays(day).format(format);
            for (int unit = 0; unit <= day % 7; unit++) {
                lines.add("1000," + date + ",whole milk");
            }
            lines.add("1001," + date + ",domestic eggs");
        }
        lines.add("1002,03-01-2015,salt");
        Path csv = dir.resolve("t.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void readsDailyUnitsOfTheBestSellersWithZeroFilledDays() throws Exception {
        DailySeries data = DailySeries.read(transactions(), 2);
        assertThat(data.series().keySet()).containsExactly("whole milk", "domestic eggs");
        assertThat(data.start()).isEqualTo(LocalDate.of(2015, 1, 1));
        assertThat(data.series().get("whole milk")).hasSize(120).startsWith(1, 2, 3, 4, 5, 6, 7, 1);
    }

    @Test
    void writesTheForecastCsvAndScoresEveryMethod() throws Exception {
        DailySeries data = DailySeries.read(transactions(), 2);
        Path out = dir.resolve("out/forecast.csv");
        List<ForecastBacktest.Score> scores = ForecastBacktest.run(
                data, 14, out, List.of(Baselines.seasonalNaive(7), Baselines.meanOfLast(28)), true);

        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("series_id,date,forecast");
        assertThat(lines).hasSize(1 + 2 * 14);
        // the held-out days are the last 14 of 120: 2015-04-17 .. 2015-04-30
        assertThat(lines.get(1)).startsWith("whole milk,2015-04-17,");
        assertThat(lines.get(14)).startsWith("whole milk,2015-04-30,");
        assertThat(scores).extracting(ForecastBacktest.Score::method).containsExactly("seasonal-naive", "mean-last-28");
        // seasonal naive is perfect on milk; eggs (constant) have a zero scale and are left out of the average
        assertThat(scores.get(0).rmsse()).isCloseTo(0, within(1e-12));
        assertThat(scores.get(1).rmsse()).isGreaterThan(0);
    }

    @Test
    void backtestRegressorsAreTheCalendarAndExAnteWeatherTheForecastDaysNeverReadTheWeatherFile() throws Exception {
        Path holidays = dir.resolve("holidays.csv");
        Files.writeString(holidays, "region,date,name,pre_days,post_days\n*,2015-02-01,A,1,0\n*,2015-04-20,B,1,0\n");
        Path weather = dir.resolve("weather.csv");
        StringBuilder rows = new StringBuilder("region,date,temperature_c,condition\n");
        LocalDate start = LocalDate.of(2015, 1, 1);
        for (int day = 0; day < 120; day++) {
            // 10 degrees through the history of 106 days, 99 on the 14 days a backtest forecasts
            rows.append("store,")
                    .append(start.plusDays(day))
                    .append(',')
                    .append(day < 106 ? 10 : 99)
                    .append(",sunny\n");
        }
        Files.writeString(weather, rows.toString());

        ForecastBacktest.RegressorSource source = ForecastBacktest.regressors(
                start,
                HolidayCalendar.read(Files.newBufferedReader(holidays)),
                Weather.read(Files.newBufferedReader(weather)).get("store"),
                null);
        Regressors x = source.forDays(106, 14);

        assertThat(x.names())
                .containsExactly(
                        HolidayCalendar.HOLIDAY, HolidayCalendar.PRE, HolidayCalendar.POST, Weather.TEMPERATURE);
        assertThat(x.days()).isEqualTo(120);
        assertThat(x.columns()[0][31]).isEqualTo(1); // 2015-02-01
        assertThat(x.columns()[0][109]).isEqualTo(1); // 2015-04-20, a forecast day: holidays are known ahead
        for (int t = 106; t < 120; t++) {
            assertThat(x.columns()[3][t]).isEqualTo(10); // persistence, not the file's 99
        }
        assertThat(ForecastBacktest.regressors(start, null, null, null)
                        .forDays(106, 14)
                        .isEmpty())
                .isTrue();
    }
}
