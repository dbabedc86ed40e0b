package com.freshloop.streams.rfm.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.streams.rfm.records.OrderFact;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** Keeps the {@code order.placed} events of known shoppers, as {@link OrderFact}s. */
public final class ToOrderFact implements FlatMapFunction<EventEnvelope<EventData>, OrderFact> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<OrderFact> out) {
        if (!(event.data() instanceof OrderPlaced order)
                || event.subject() == null
                || event.subject().isBlank()) {
            return;
        }
        out.collect(new OrderFact(
                event.subject(),
                order.orderId(),
                event.id().toString(),
                event.time().toEpochMilli(),
                order.total() == null ? 0 : order.total().doubleValue()));
    }
}
