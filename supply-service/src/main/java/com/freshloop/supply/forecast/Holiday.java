package com.freshloop.supply.forecast;

import java.time.LocalDate;

/**
 * A dated holiday in a region with optional window effects: demand on the {@code preDays} days
 * before it (stocking up) and the {@code postDays} days after it get regressors of their own.
 *
 * @param region region id, or {@code *} for every region
 * @param date the day
 * @param name e.g. {@code Spring Festival}
 * @param preDays days before the holiday with a pre-holiday effect (0 = none)
 * @param postDays days after the holiday with a post-holiday effect (0 = none)
 */
public record Holiday(String region, LocalDate date, String name, int preDays, int postDays) {

    public static final String ALL_REGIONS = "*";

    public Holiday {
        if (preDays < 0 || postDays < 0 || preDays > 14 || postDays > 14) {
            throw new IllegalArgumentException("pre and post windows must be 0..14 days");
        }
    }

    /** Whether the holiday applies to {@code region} ({@code null} = any region, as in a one-store backtest). */
    public boolean appliesTo(String region) {
        return region == null || ALL_REGIONS.equals(this.region) || this.region.equals(region);
    }
}
