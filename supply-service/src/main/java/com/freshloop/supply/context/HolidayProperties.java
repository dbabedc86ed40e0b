package com.freshloop.supply.context;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the holiday calendar comes from.
 *
 * @param calendar a CSV resource in the format of {@link com.freshloop.supply.forecast.HolidayCalendar}
 *     (default {@code classpath:holidays.csv}); operators point it at their own file
 * @param declaredPreDays the pre-holiday window of holidays declared on the context topic
 * @param declaredPostDays their post-holiday window
 */
@ConfigurationProperties("freshloop.supply.holidays")
public record HolidayProperties(String calendar, Integer declaredPreDays, Integer declaredPostDays) {

    public HolidayProperties {
        calendar = calendar == null || calendar.isBlank() ? "classpath:holidays.csv" : calendar;
        declaredPreDays = declaredPreDays == null ? 0 : declaredPreDays;
        declaredPostDays = declaredPostDays == null ? 0 : declaredPostDays;
    }
}
