package com.freshloop.streams.activehours.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.BehaviourEvent;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.streams.activehours.records.Activity;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the events that show a shopper using the app, as {@link Activity}. Skipped: event types this
 * job does not know ({@code Unrecognised}), anything that is not behaviour, events without a user, and
 * deliveries (they happen when the courier arrives, not when the shopper is active).
 */
public final class ToActivity implements FlatMapFunction<EventEnvelope<EventData>, Activity> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<Activity> out) {
        if (!(event.data() instanceof BehaviourEvent) || event.data() instanceof OrderDelivered) {
            return;
        }
        if (event.subject() == null || event.subject().isBlank()) {
            return;
        }
        out.collect(new Activity(
                event.subject(), event.id().toString(), event.time().toEpochMilli()));
    }
}
