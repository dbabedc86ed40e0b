package com.freshloop.metrics.eventstore;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stores events in the {@code events} table and counts them. Counting is always by distinct event
 * id: Kafka delivers at least once and ClickHouse removes duplicates only when it merges parts.
 */
@Component
public class EventStore {

    static final String TABLE = "events";

    private final ClickHouseTemplate clickHouse;
    private final Clock clock;

    public EventStore(ClickHouseTemplate clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** A row of the {@code events} table, as JSONEachRow. */
    record EventRow(
            @JsonProperty("event_id") UUID eventId,
            String type,
            int version,
            String source,
            String subject,
            @JsonProperty("event_time") String eventTime,
            @JsonProperty("received_time") String receivedTime,
            String data) {}

    private record Count(long count) {}

    /**
     * Whether the store can hold the event. ClickHouse's {@code DateTime} spans 1970 to 2106; an
     * event time outside it is a producer's bug, and storing a wrapped-around time would be worse.
     */
    public static boolean canStore(EventEnvelope<?> event) {
        return Sql.fitsDateTime(event.time());
    }

    /**
     * Stores the events in one insert; events of unknown types are stored too, with their raw data.
     *
     * @throws IllegalArgumentException if one of them cannot be stored (see {@link #canStore})
     */
    public void store(List<? extends EventEnvelope<? extends EventData>> events) {
        String received = Sql.dateTimeValue(clock.instant());
        List<EventRow> rows = new ArrayList<>(events.size());
        for (EventEnvelope<? extends EventData> event : events) {
            if (!canStore(event)) {
                throw new IllegalArgumentException(
                        "event " + event.id() + " has a time outside 1970..2106: " + event.time());
            }
            rows.add(new EventRow(
                    event.id(),
                    event.type(),
                    event.version(),
                    event.source(),
                    event.subject() == null ? "" : event.subject(),
                    Sql.dateTimeValue(event.time()),
                    received,
                    dataJson(event)));
        }
        clickHouse.insert(TABLE, rows);
    }

    /** Distinct events matching the filter. */
    public long count(EventFilter filter) {
        return clickHouse
                .query("SELECT uniqExact(event_id) AS count FROM " + TABLE + where(filter), Count.class)
                .get(0)
                .count();
    }

    /** Distinct events per type matching the filter, by type name. */
    public List<EventTypeCount> countByType(EventFilter filter) {
        return clickHouse.query(
                "SELECT type, uniqExact(event_id) AS count FROM " + TABLE + where(filter)
                        + " GROUP BY type ORDER BY type",
                EventTypeCount.class);
    }

    private static String dataJson(EventEnvelope<? extends EventData> event) {
        if (event.data() instanceof Unrecognised unrecognised) {
            return unrecognised.json();
        }
        return EventCodec.json().mapper().writeValueAsString(event.data());
    }

    private static String where(EventFilter filter) {
        List<String> conditions = new ArrayList<>();
        if (filter.type() != null) {
            conditions.add("type = " + Sql.string(filter.type()));
        }
        if (filter.subject() != null) {
            conditions.add("subject = " + Sql.string(filter.subject()));
        }
        if (filter.from() != null) {
            conditions.add("event_time >= " + Sql.dateTime(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("event_time < " + Sql.dateTime(filter.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
