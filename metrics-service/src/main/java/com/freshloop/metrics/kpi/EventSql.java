package com.freshloop.metrics.kpi;

import com.freshloop.metrics.clickhouse.Sql;

/**
 * SQL fragments over the {@code events} table shared by the metrics. Event payloads are JSON text in
 * {@code data}; ClickHouse 18.16 has no JSONExtract, so fields are read with {@code
 * visitParamExtract*}, which both 18.16 and current servers have. It finds the first {@code
 * "field":} in the text, which is the top-level field for every payload read here (nested order
 * lines have no field of the same name). Rows are ordered by key with the empty key (reported as
 * {@code unknown}) last.
 *
 * <p>Lambdas never capture a column: 18.16 prunes a subquery's columns that are used only inside a
 * lambda ("Unknown identifier"). A column a lambda needs is passed in as an array of its own with
 * {@code replicate(column, array)}.
 */
final class EventSql {

    static final String EVENTS = "events";

    private EventSql() {}

    static String text(String field) {
        return "visitParamExtractString(data, " + Sql.string(field) + ")";
    }

    static String number(String field) {
        return "visitParamExtractFloat(data, " + Sql.string(field) + ")";
    }

    static String integer(String field) {
        return "visitParamExtractInt(data, " + Sql.string(field) + ")";
    }

    static String ofType(String type) {
        return "type = " + Sql.string(type);
    }

    /**
     * {@code (subject, attr)}: each user's latest segment or cluster assigned before the period ends.
     * A user without one gets {@code ''} from the LEFT JOIN (reported as {@code unknown}).
     */
    static String latestUserAttribute(Slice slice, Period period) {
        String type;
        String label;
        if (slice == Slice.SEGMENT) {
            type = "profile.segment_changed";
            label = text("to");
        } else if (slice == Slice.CLUSTER) {
            type = "profile.cluster_assigned";
            label = "if(" + text("name") + " = '', toString(" + integer("cluster") + "), " + text("name") + ")";
        } else {
            throw new IllegalArgumentException(slice + " is not a user attribute");
        }
        return "SELECT subject, argMax(" + label + ", event_time) AS attr FROM " + EVENTS + " WHERE " + ofType(type)
                + " AND event_time < " + period.toSql() + " GROUP BY subject";
    }

    /**
     * {@code (subject, orderIds, orderTimes)}: every order of the users a subquery names, placed
     * within the period. Redelivered events appear twice in the arrays: count distinct ids.
     */
    static String ordersOf(String subjectsSubquery, Period period) {
        return "SELECT subject, groupArray(event_id) AS orderIds, groupArray(event_time) AS orderTimes FROM " + EVENTS
                + " WHERE " + ofType("order.placed") + " AND " + period.contains("event_time") + " AND subject IN ("
                + subjectsSubquery + ") GROUP BY subject";
    }

    /** {@code ''} reads better as {@code unknown} in a report. */
    static String label(String key) {
        return key.isEmpty() ? "unknown" : key;
    }
}
