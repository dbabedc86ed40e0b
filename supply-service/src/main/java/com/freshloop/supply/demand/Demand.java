package com.freshloop.supply.demand;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the daily demand history from orders (UTC days of the order's event time). */
@Service
public class Demand {

    static final String ORDERS_CONSUMER = "supply-service.demand";

    private final DemandHistory history;
    private final ProcessedEvents processed;

    Demand(DemandHistory history, ProcessedEvents processed) {
        this.history = history;
        this.processed = processed;
    }

    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order) || order.region() == null || order.lines() == null) {
            return;
        }
        if (!processed.firstDelivery(ORDERS_CONSUMER, event.id())) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        Map<String, Integer> units = new TreeMap<>();
        for (OrderPlaced.Line line : order.lines()) {
            if (line != null && line.sku() != null && line.quantity() > 0) {
                units.merge(line.sku(), line.quantity(), Integer::sum);
            }
        }
        units.forEach((sku, quantity) -> history.add(sku, order.region(), day, quantity));
    }
}
