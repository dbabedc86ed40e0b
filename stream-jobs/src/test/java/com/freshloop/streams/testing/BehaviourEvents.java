package com.freshloop.streams.testing;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.PageViewed;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Behaviour events for tests, with ids derived from their content so that runs are repeatable. */
public final class BehaviourEvents {

    private BehaviourEvents() {}

    /** A page view by {@code user} at {@code time} (an ISO-8601 instant). */
    public static EventEnvelope<EventData> pageView(String user, String time) {
        return event(user, Instant.parse(time), new PageViewed("home", null, null));
    }

    public static EventEnvelope<EventData> event(String user, Instant time, EventData data) {
        EventCatalog.Entry entry = EventCatalog.of(data.getClass());
        UUID id = UUID.nameUUIDFromBytes((user + '|' + time + '|' + entry.type()).getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope<>(id, entry.type(), "test", time, user, entry.version(), data);
    }
}
