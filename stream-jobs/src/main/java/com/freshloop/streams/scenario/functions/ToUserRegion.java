package com.freshloop.streams.scenario.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.streams.scenario.records.UserRegion;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** The region of every order of a known shopper: where they are, as far as scenarios go. */
public final class ToUserRegion implements FlatMapFunction<EventEnvelope<EventData>, UserRegion> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<UserRegion> out) {
        if (event.data() instanceof OrderPlaced order
                && event.subject() != null
                && !event.subject().isBlank()
                && order.region() != null
                && !order.region().isBlank()) {
            out.collect(
                    new UserRegion(event.subject(), order.region(), event.time().toEpochMilli()));
        }
    }
}
