package com.freshloop.metrics.kpi.web;

import com.freshloop.metrics.kpi.Period;
import java.time.Instant;
import java.util.List;

/**
 * A metric over a period, one row per slice.
 *
 * @param metric the metric's name
 * @param definition how it is computed
 * @param from start of the period (inclusive)
 * @param to end of the period (exclusive)
 * @param groupBy the slice
 * @param rows one per slice value, in key order
 */
public record MetricReport<R>(
        String metric, String definition, Instant from, Instant to, String groupBy, List<R> rows) {

    static <R> MetricReport<R> of(String metric, String definition, Period period, String groupBy, List<R> rows) {
        return new MetricReport<>(metric, definition, period.from(), period.to(), groupBy, rows);
    }
}
