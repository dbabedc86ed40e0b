package com.freshloop.supply.demand;

import java.time.LocalDate;
import java.util.List;

/**
 * Expected daily units of a SKU in a region with a central prediction interval.
 *
 * @param level coverage of the interval, e.g. 0.95
 * @param historyDays how many days of history the model was fitted on
 */
public record DemandForecast(String sku, String region, String method, double level, int historyDays, List<Day> days) {

    public record Day(LocalDate day, double mean, double lower, double upper) {}
}
