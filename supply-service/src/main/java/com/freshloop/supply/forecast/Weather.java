package com.freshloop.supply.forecast;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Daily weather of one region as forecast regressors: {@code temperatureC} and {@code wet} (1 on a day
 * of rain, snow, showers, drizzle, sleet, hail or storms).
 *
 * <p>Gaps in the history are filled with the mean of the observations within 3 days, else the
 * climatology of the same calendar days in the other years observed, else persistence. A forecast day takes the observation of that day if one was supplied (a weather
 * forecast fed as an observation, or values passed to the API); otherwise the climatology (the mean
 * of the same calendar days, +-3, of earlier years) when the region has a year of observations, else
 * persistence (the mean of the last 7 observed days).
 *
 * <p>CSV format ({@link #read(Reader)}), header required, one region-day per row:
 * <pre>
 * region,date,temperature_c,condition
 * sh-pudong,2026-07-01,35.5,sunny
 * </pre>
 *
 * @param days observations by date
 */
public record Weather(NavigableMap<LocalDate, Observation> days) {

    public static final String TEMPERATURE = "temperatureC";
    public static final String WET = "wet";

    /** Weather regressors need at least four weeks of observations inside the history. */
    static final int MIN_OBSERVED_DAYS = 28;

    /** One region-day. */
    public record Observation(LocalDate date, double temperatureC, String condition) {

        public boolean wet() {
            String c = condition == null ? "" : condition.toLowerCase(Locale.ROOT);
            return List.of("rain", "snow", "shower", "drizzle", "sleet", "hail", "storm", "thunder").stream()
                    .anyMatch(c::contains);
        }
    }

    public Weather {
        days = new TreeMap<>(days);
    }

    public static Weather of(List<Observation> observations) {
        TreeMap<LocalDate, Observation> days = new TreeMap<>();
        for (Observation o : observations) {
            days.put(o.date(), o);
        }
        return new Weather(days);
    }

    public static Weather empty() {
        return new Weather(new TreeMap<>());
    }

    /** These observations with {@code supplied} ones replacing them day by day. */
    public Weather with(List<Observation> supplied) {
        TreeMap<LocalDate, Observation> all = new TreeMap<>(days);
        for (Observation o : supplied) {
            all.put(o.date(), o);
        }
        return new Weather(all);
    }

    /**
     * The weather columns for {@code history} days from {@code start} and {@code horizon} days after;
     * none when fewer than {@link #MIN_OBSERVED_DAYS} days of the history were observed. {@code wet} is
     * left out when the history has fewer than 2 wet or 2 dry days (no effect could be estimated).
     */
    public Regressors columns(LocalDate start, int history, int horizon) {
        LocalDate end = start.plusDays(history);
        int observed = days.subMap(start, true, end, false).size();
        if (observed < MIN_OBSERVED_DAYS) {
            return Regressors.none();
        }
        int n = history + horizon;
        double[] temperature = new double[n];
        double[] wet = new double[n];
        int wetDays = 0;
        for (int t = 0; t < n; t++) {
            LocalDate day = start.plusDays(t);
            Observation o = days.get(day);
            if (o != null) {
                temperature[t] = o.temperatureC();
                wet[t] = o.wet() ? 1 : 0;
            } else {
                double[] fill = t < history ? nearby(day, 3) : null;
                if (fill == null) {
                    fill = climatology(day, t < history ? null : end);
                }
                if (fill == null) {
                    fill = persistence(t < history ? day : end);
                }
                temperature[t] = fill[0];
                wet[t] = fill[1];
            }
            if (t < history && o != null && o.wet()) {
                wetDays++;
            }
        }
        if (wetDays >= 2 && observed - wetDays >= 2) {
            return new Regressors(List.of(TEMPERATURE, WET), new double[][] {temperature, wet});
        }
        return new Regressors(List.of(TEMPERATURE), new double[][] {temperature});
    }

    /** Mean temperature and wet share of the observations within {@code radius} days; null if none. */
    private double[] nearby(LocalDate day, int radius) {
        return average(days.subMap(day.minusDays(radius), true, day.plusDays(radius), true)
                .values());
    }

    /**
     * The same calendar days (+-3) of other years, observed before {@code before} (null = any time, so
     * an unobserved history day also learns from later years); null when there are none.
     */
    private double[] climatology(LocalDate day, LocalDate before) {
        List<Observation> same = new ArrayList<>();
        for (int years = -10; years <= 10; years++) {
            if (years == 0) {
                continue;
            }
            LocalDate then = day.minusYears(years);
            for (Observation o :
                    days.subMap(then.minusDays(3), true, then.plusDays(3), true).values()) {
                if (before == null || o.date().isBefore(before)) {
                    same.add(o);
                }
            }
        }
        return average(same);
    }

    /** The last 7 observations before {@code day} (the first 7 when there are none before it). */
    private double[] persistence(LocalDate day) {
        List<Observation> last =
                new ArrayList<>(days.headMap(day, false).descendingMap().values());
        if (last.isEmpty()) {
            last = new ArrayList<>(days.values());
        }
        return average(last.subList(0, Math.min(7, last.size())));
    }

    private static double[] average(java.util.Collection<Observation> observations) {
        if (observations.isEmpty()) {
            return null;
        }
        double temperature = 0;
        double wet = 0;
        for (Observation o : observations) {
            temperature += o.temperatureC();
            wet += o.wet() ? 1 : 0;
        }
        return new double[] {temperature / observations.size(), wet / observations.size()};
    }

    /** Reads the CSV format of the class comment, by region ({@code null} = every row, one region). */
    public static Map<String, Weather> read(Reader csv) throws IOException {
        Map<String, List<Observation>> byRegion = new TreeMap<>();
        CsvRows.read(csv, "weather", "region,date,temperature_c", f -> {
            if (f.length < 3 || f[0].isEmpty()) {
                throw new IllegalArgumentException("region, date and temperature_c are required");
            }
            byRegion.computeIfAbsent(f[0], k -> new ArrayList<>())
                    .add(new Observation(LocalDate.parse(f[1]), Double.parseDouble(f[2]), f.length > 3 ? f[3] : ""));
        });
        Map<String, Weather> out = new TreeMap<>();
        byRegion.forEach((region, list) -> out.put(region, of(list)));
        return out;
    }
}
