package com.freshloop.supply.inventory;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.events.supply.v1.StockedOut;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.supply.audit.AuditLog;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stock levels per SKU and region, and the stock events their changes cause. */
@Service
public class Inventory {

    static final String SOURCE = "supply-service";
    static final String ORDERS_CONSUMER = "supply-service.inventory";

    private final StockLevelRepository levels;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    Inventory(StockLevelRepository levels, ProcessedEvents processed, EventOutbox outbox, AuditLog audit, Clock clock) {
        this.levels = levels;
        this.processed = processed;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public StockLevel availability(String sku, String region) {
        return levels.find(sku, region)
                .orElseThrow(() -> new NotFoundException("no stock is kept for SKU " + sku + " in region " + region));
    }

    /**
     * An operator sets the units on hand (e.g. after a delivery or a count). A rise is a
     * replenishment; dropping to zero from a positive level is a stock-out.
     */
    @Transactional
    public StockLevel set(String sku, String region, int onHand, String actor) {
        Optional<Integer> previous = lockOrCreate(sku, region, onHand);
        StockLevel level = new StockLevel(sku, region, onHand);
        int before = previous.orElse(0);
        if (previous.isPresent()) {
            levels.update(sku, region, onHand);
        }
        Instant now = clock.instant();
        if (onHand > before) {
            // A SKU stocked for the first time was never out of stock: "back in stock" is only for known SKUs.
            boolean wasOutOfStock = previous.isPresent() && before == 0;
            outbox.publish(EventEnvelope.of(
                    SOURCE,
                    level.subject(),
                    now,
                    new StockReplenished(sku, region, onHand - before, onHand, wasOutOfStock)));
        } else if (onHand == 0 && before > 0) {
            outbox.publish(EventEnvelope.of(SOURCE, level.subject(), now, new StockedOut(sku, region)));
        }
        Map<String, Object> detail = new TreeMap<>();
        detail.put("onHand", onHand);
        detail.put("previousOnHand", previous.orElse(null));
        audit.record(actor, "inventory.set", level.subject(), detail);
        return level;
    }

    /** Takes an order's units off the shelves of its region, once per order event. */
    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order) || !processed.firstDelivery(ORDERS_CONSUMER, event.id())) {
            return;
        }
        if (order.region() == null || order.lines() == null) {
            return;
        }
        // One decrement per SKU, in a fixed order, so concurrent orders lock rows in the same order.
        Map<String, Integer> units = new TreeMap<>();
        for (OrderPlaced.Line line : order.lines()) {
            if (line != null && line.sku() != null && line.quantity() > 0) {
                units.merge(line.sku(), line.quantity(), Integer::sum);
            }
        }
        units.forEach((sku, quantity) -> levels.decrement(sku, order.region(), quantity)
                .filter(change -> change.before() > 0 && change.after() == 0)
                .ifPresent(change -> outbox.publish(EventEnvelope.of(
                        SOURCE, sku + ":" + order.region(), event.time(), new StockedOut(sku, order.region())))));
    }

    /** The current level, locked; empty (after creating the row at the new level) for a SKU not yet stocked. */
    private Optional<Integer> lockOrCreate(String sku, String region, int onHand) {
        Optional<Integer> current = levels.lockOnHand(sku, region);
        if (current.isPresent() || levels.insert(sku, region, onHand)) {
            return current;
        }
        // another operator created it concurrently; their row is committed now, so lock it
        return levels.lockOnHand(sku, region);
    }
}
