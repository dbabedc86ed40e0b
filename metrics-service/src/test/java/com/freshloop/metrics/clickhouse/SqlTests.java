package com.freshloop.metrics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SqlTests {

    @Test
    void quotesStringsEscapingBackslashesAndQuotes() {
        assertThat(Sql.string("plain")).isEqualTo("'plain'");
        assertThat(Sql.string("o'brien")).isEqualTo("'o\\'brien'");
        assertThat(Sql.string("a\\' OR 1=1 --")).isEqualTo("'a\\\\\\' OR 1=1 --'");
    }

    @Test
    void writesDateTimesAsEpochSecondsForComparisons() {
        assertThat(Sql.dateTime(Instant.parse("2024-01-02T03:04:05.999Z"))).isEqualTo("toDateTime(1704164645)");
    }

    @Test
    void clampsComparisonBoundsToTheDateTimeRange() {
        assertThat(Sql.dateTime(Instant.parse("1900-01-01T00:00:00Z"))).isEqualTo("toDateTime(0)");
        assertThat(Sql.dateTime(Instant.parse("2200-01-01T00:00:00Z"))).isEqualTo("toDateTime(4294967295)");
    }

    @Test
    void writesColumnValuesInUtc() {
        assertThat(Sql.dateTimeValue(Instant.parse("2024-01-02T03:04:05.999Z"))).isEqualTo("2024-01-02 03:04:05");
    }

    @Test
    void knowsWhichInstantsADateTimeHolds() {
        assertThat(Sql.fitsDateTime(Instant.parse("2024-01-02T03:04:05Z"))).isTrue();
        assertThat(Sql.fitsDateTime(Instant.parse("1969-12-31T23:59:59Z"))).isFalse();
        assertThat(Sql.fitsDateTime(Instant.parse("2106-02-07T06:28:16Z"))).isFalse();
    }
}
