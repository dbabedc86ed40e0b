package com.freshloop.supply.forecast;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Dated holidays per region as forecast regressors. Three indicator columns over a run of days:
 * {@code holiday} (1 on a holiday), {@code pre-holiday} (1 within a holiday's pre window) and
 * {@code post-holiday} (1 within its post window); a holiday day is never also a window day, and the
 * window columns exist only when some holiday has a window.
 *
 * <p>CSV format ({@link #read(Reader)}), header required, one holiday per row:
 * <pre>
 * region,date,name,pre_days,post_days
 * *,2026-10-01,National Day,2,1
 * sh-pudong,2026-06-18,618 festival,,
 * </pre>
 * {@code region} {@code *} means every region; {@code date} is ISO {@code yyyy-mm-dd};
 * {@code pre_days} and {@code post_days} are optional (empty or missing = 0).
 */
public record HolidayCalendar(List<Holiday> holidays) {

    public static final String HOLIDAY = "holiday";
    public static final String PRE = "pre-holiday";
    public static final String POST = "post-holiday";

    public HolidayCalendar {
        holidays = List.copyOf(holidays);
    }

    public static HolidayCalendar empty() {
        return new HolidayCalendar(List.of());
    }

    /** This calendar with {@code more} added (a day listed twice is simply a holiday). */
    public HolidayCalendar and(List<Holiday> more) {
        List<Holiday> all = new ArrayList<>(holidays);
        all.addAll(more);
        return new HolidayCalendar(all);
    }

    /** The holidays of one region ({@code null} = all), by date. */
    public List<Holiday> forRegion(String region) {
        return holidays.stream()
                .filter(h -> h.appliesTo(region))
                .sorted(java.util.Comparator.comparing(Holiday::date).thenComparing(Holiday::name))
                .toList();
    }

    /**
     * The indicator columns of {@code region} for {@code days} days from {@code start}; none when no
     * holiday of the region falls in (or has a window reaching into) that run of days.
     */
    public Regressors columns(String region, LocalDate start, int days) {
        double[] holiday = new double[days];
        double[] pre = new double[days];
        double[] post = new double[days];
        boolean windows = false;
        boolean any = false;
        for (Holiday h : forRegion(region)) {
            windows |= h.preDays() > 0 || h.postDays() > 0;
            int t = (int) java.time.temporal.ChronoUnit.DAYS.between(start, h.date());
            if (t >= 0 && t < days) {
                holiday[t] = 1;
                any = true;
            }
            for (int k = 1; k <= h.preDays(); k++) {
                if (t - k >= 0 && t - k < days) {
                    pre[t - k] = 1;
                    any = true;
                }
            }
            for (int k = 1; k <= h.postDays(); k++) {
                if (t + k >= 0 && t + k < days) {
                    post[t + k] = 1;
                    any = true;
                }
            }
        }
        if (!any) {
            return Regressors.none();
        }
        for (int t = 0; t < days; t++) {
            if (holiday[t] == 1) {
                pre[t] = 0;
                post[t] = 0;
            } else if (pre[t] == 1) {
                post[t] = 0;
            }
        }
        return windows
                ? new Regressors(List.of(HOLIDAY, PRE, POST), new double[][] {holiday, pre, post})
                : new Regressors(List.of(HOLIDAY), new double[][] {holiday});
    }

    /** Reads the CSV format of the class comment; a malformed row is an error naming its line. */
    public static HolidayCalendar read(Reader csv) throws IOException {
        List<Holiday> holidays = new ArrayList<>();
        CsvRows.read(csv, "holiday", "region,date,name", f -> {
            if (f.length < 3 || f[0].isEmpty() || f[2].isEmpty()) {
                throw new IllegalArgumentException("region, date and name are required");
            }
            holidays.add(new Holiday(f[0], LocalDate.parse(f[1]), f[2], days(f, 3), days(f, 4)));
        });
        return new HolidayCalendar(holidays);
    }

    private static int days(String[] fields, int i) {
        return i < fields.length && !fields[i].isEmpty() ? Integer.parseInt(fields[i]) : 0;
    }
}
