package com.freshloop.metrics.kpi;

import com.freshloop.metrics.clickhouse.Sql;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A half-open range of event time, {@code [from, to)}, in whole seconds (ClickHouse's {@code
 * DateTime}).
 */
public record Period(Instant from, Instant to) {

    public Period {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    public static Period of(Instant from, Instant to) {
        return new Period(from, to);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** The same start, the end moved later: e.g. the orders that may follow a cohort. */
    public Period extendedBy(Duration duration) {
        return new Period(from, to.plus(duration));
    }

    String fromSql() {
        return Sql.dateTime(from);
    }

    String toSql() {
        return Sql.dateTime(to);
    }

    /** {@code <column> >= from AND <column> < to}. */
    String contains(String column) {
        return column + " >= " + fromSql() + " AND " + column + " < " + toSql();
    }
}
