package com.freshloop.metrics.clickhouse;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Literals for SQL text. ClickHouse 18.16 has no server-side query parameters, so values that
 * come from callers are escaped here, in one place, and nowhere else.
 */
public final class Sql {

    /** The range of ClickHouse's {@code DateTime} (unsigned 32-bit seconds since the epoch). */
    public static final Instant MIN_DATE_TIME = Instant.EPOCH;

    public static final Instant MAX_DATE_TIME = Instant.ofEpochSecond(0xFFFF_FFFFL);

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Sql() {}

    /** A quoted string literal: only backslash and quote are special inside ClickHouse quotes. */
    public static String string(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }

    /**
     * A {@code DateTime} literal for comparisons. Whole seconds since the epoch mean the same
     * instant whatever the server's or the column's time zone.
     */
    public static String dateTime(Instant instant) {
        return "toDateTime(" + clamp(instant).getEpochSecond() + ")";
    }

    /** The text form of a {@code DateTime('UTC')} column value, as inserted in JSONEachRow rows. */
    public static String dateTimeValue(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** Whether a {@code DateTime} column can hold the instant. */
    public static boolean fitsDateTime(Instant instant) {
        return !instant.isBefore(MIN_DATE_TIME) && !instant.isAfter(MAX_DATE_TIME);
    }

    private static Instant clamp(Instant instant) {
        if (instant.isBefore(MIN_DATE_TIME)) {
            return MIN_DATE_TIME;
        }
        return instant.isAfter(MAX_DATE_TIME) ? MAX_DATE_TIME : instant;
    }
}
