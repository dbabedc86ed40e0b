package com.freshloop.supply.fulfilment;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.supply.v1.DeliveryLate;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.outbox.EventOutbox;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.starter.web.NotFoundException;
import com.freshloop.supply.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Promises a delivery time at checkout, tracks the rider, and compensates the shopper once when the
 * order arrives after the promise (or the rider's live ETA already says it will).
 */
@Service
public class Fulfilment {

    static final String SOURCE = "supply-service";
    static final String CONSUMER = "supply-service.fulfilment";

    private final DeliveryRepository deliveries;
    private final ProcessedEvents processed;
    private final EventOutbox outbox;
    private final AuditLog audit;
    private final FulfilmentProperties properties;
    private final Clock clock;

    Fulfilment(
            DeliveryRepository deliveries,
            ProcessedEvents processed,
            EventOutbox outbox,
            AuditLog audit,
            FulfilmentProperties properties,
            Clock clock) {
        this.deliveries = deliveries;
        this.processed = processed;
        this.outbox = outbox;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public void apply(EventEnvelope<EventData> event) {
        if (event.data() instanceof OrderPlaced order && order.orderId() != null && order.region() != null) {
            if (processed.firstDelivery(CONSUMER, event.id())) {
                deliveries.insert(
                        order.orderId(),
                        event.subject(),
                        order.region(),
                        event.time(),
                        event.time().plus(Duration.ofMinutes(properties.promiseMinutes())));
            }
        } else if (event.data() instanceof OrderDelivered delivered && delivered.orderId() != null) {
            if (!processed.firstDelivery(CONSUMER, event.id())) {
                return;
            }
            Delivery d = deliveries.lock(delivered.orderId()).orElse(null);
            if (d == null) {
                // an order placed before this service knew it: the event carries its own promise
                deliveries.insert(
                        delivered.orderId(),
                        event.subject(),
                        "unknown",
                        delivered.promisedAt().minus(Duration.ofMinutes(properties.promiseMinutes())),
                        delivered.promisedAt());
                d = deliveries.lock(delivered.orderId()).orElseThrow();
            }
            deliveries.delivered(d.orderId(), delivered.deliveredAt());
            compensateIfLate(d, delivered.deliveredAt());
        }
    }

    /** The dispatch system reports where the rider is and how far is left; the ETA follows. */
    @Transactional
    public Delivery riderPosition(
            String orderId, String riderId, double lat, double lon, double remainingMetres, String actor) {
        Delivery d =
                deliveries.lock(orderId).orElseThrow(() -> new NotFoundException("no delivery for order " + orderId));
        if (d.deliveredAt() != null) {
            throw new ConflictException("order " + orderId + " was already delivered");
        }
        Instant now = clock.instant();
        Instant eta = now.plusSeconds(Math.round(60 * remainingMetres / properties.riderMetresPerMinute()));
        deliveries.position(orderId, riderId, lat, lon, eta, now);
        Map<String, Object> detail = new TreeMap<>();
        detail.put("riderId", riderId);
        detail.put("lat", lat);
        detail.put("lon", lon);
        detail.put("remainingMetres", remainingMetres);
        audit.record(actor, "delivery.rider-position", orderId, detail);
        // compensate as soon as the ETA shows the promise cannot be kept, not only on arrival
        compensateIfLate(d, eta);
        return deliveries.find(orderId).orElseThrow();
    }

    /** The shopper's own delivery; someone else's order is "not found" rather than "forbidden". */
    @Transactional(readOnly = true)
    public Delivery forShopper(String orderId, String userId) {
        return deliveries
                .find(orderId)
                .filter(d -> d.userId().equals(userId))
                .orElseThrow(() -> new NotFoundException("no delivery for order " + orderId));
    }

    private void compensateIfLate(Delivery d, Instant arrival) {
        if (d.compensated() || !arrival.isAfter(d.promisedAt())) {
            return;
        }
        long minutesLate = Math.max(1, Duration.between(d.promisedAt(), arrival).toMinutes());
        deliveries.compensated(d.orderId());
        outbox.publish(EventEnvelope.of(
                SOURCE,
                d.userId(),
                clock.instant(),
                new DeliveryLate(d.orderId(), minutesLate, properties.compensation(minutesLate))));
    }
}
