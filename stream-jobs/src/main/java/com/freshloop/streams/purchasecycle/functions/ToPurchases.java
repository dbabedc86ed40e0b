package com.freshloop.streams.purchasecycle.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.streams.purchasecycle.records.Purchase;
import java.util.Objects;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/** One {@link Purchase} per distinct product of each {@code order.placed} of a known shopper. */
public final class ToPurchases implements FlatMapFunction<EventEnvelope<EventData>, Purchase> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<Purchase> out) {
        if (!(event.data() instanceof OrderPlaced order)
                || order.lines() == null
                || event.subject() == null
                || event.subject().isBlank()) {
            return;
        }
        order.lines().stream()
                .filter(Objects::nonNull)
                .map(OrderPlaced.Line::sku)
                .filter(sku -> sku != null && !sku.isBlank())
                .distinct()
                .forEach(sku -> out.collect(new Purchase(
                        event.subject(),
                        sku,
                        order.orderId(),
                        event.id().toString(),
                        event.time().toEpochMilli())));
    }
}
