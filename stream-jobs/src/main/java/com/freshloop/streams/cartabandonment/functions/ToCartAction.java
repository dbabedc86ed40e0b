package com.freshloop.streams.cartabandonment.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.CartItemRemoved;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.streams.cartabandonment.records.CartAction;
import com.freshloop.streams.cartabandonment.records.CartAction.Kind;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Keeps the events that change a cart (added, removed, ordered) of a known shopper. */
public final class ToCartAction implements FlatMapFunction<EventEnvelope<EventData>, CartAction> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<CartAction> out) {
        if (event.subject() == null || event.subject().isBlank()) {
            return;
        }
        String user = event.subject();
        String id = event.id().toString();
        long time = event.time().toEpochMilli();
        if (event.data() instanceof CartItemAdded added) {
            out.collect(new CartAction(user, id, time, Kind.ADD, added.sku()));
        } else if (event.data() instanceof CartItemRemoved removed) {
            out.collect(new CartAction(user, id, time, Kind.REMOVE, removed.sku()));
        } else if (event.data() instanceof OrderPlaced) {
            out.collect(new CartAction(user, id, time, Kind.ORDER, null));
        }
    }
}
