package com.freshloop.streams.activehours;

import static com.freshloop.streams.testing.BehaviourEvents.event;
import static com.freshloop.streams.testing.BehaviourEvents.pageView;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.activehours.functions.ToActivity;
import com.freshloop.streams.activehours.records.Activity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.junit.jupiter.api.Test;

class ToActivityTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:05:00Z");

    @Test
    void keepsWhatAShopperDidAsActivity() {
        EventEnvelope<EventData> view = pageView("u-1", "2026-03-01T12:05:00Z");

        assertThat(activities(view))
                .containsExactly(new Activity("u-1", view.id().toString(), NOW.toEpochMilli()));
    }

    @Test
    void skipsDeliveriesUnknownTypesNonBehaviourAndEventsWithoutAUser() {
        EventEnvelope<EventData> delivered = event("u-1", NOW, new OrderDelivered("o-1", NOW, NOW));
        EventEnvelope<EventData> unknown =
                new EventEnvelope<>(UUID.randomUUID(), "app.shaken", "app", NOW, "u-1", 1, new Unrecognised("{}"));
        EventEnvelope<EventData> tag = event("u-1", NOW, new TagAssigned("x", 1, NOW, "j"));
        EventEnvelope<EventData> anonymous = pageView(null, "2026-03-01T12:05:00Z");

        assertThat(activities(delivered, unknown, tag, anonymous)).isEmpty();
    }

    @SafeVarargs
    private static List<Activity> activities(EventEnvelope<EventData>... events) {
        List<Activity> out = new ArrayList<>();
        ToActivity function = new ToActivity();
        for (EventEnvelope<EventData> event : events) {
            function.flatMap(event, new ListCollector<>(out));
        }
        return out;
    }
}
