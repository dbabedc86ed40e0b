package com.freshloop.streams.sessions.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.BehaviourEvent;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.streams.sessions.records.Interaction;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps what a shopper did in the app. Skipped: unknown types, anything that is not behaviour, events
 * without a user, and deliveries (the courier's doing, not the shopper's).
 */
public final class ToInteraction implements FlatMapFunction<EventEnvelope<EventData>, Interaction> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<Interaction> out) {
        if (!(event.data() instanceof BehaviourEvent) || event.data() instanceof OrderDelivered) {
            return;
        }
        if (event.subject() == null || event.subject().isBlank()) {
            return;
        }
        out.collect(new Interaction(event.subject(), event.time().toEpochMilli(), event.data() instanceof OrderPlaced));
    }
}
