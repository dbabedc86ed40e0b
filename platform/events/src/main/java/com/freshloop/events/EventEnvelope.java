package com.freshloop.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope every event travels in, with CloudEvents-style attributes.
 *
 * @param id unique id of the event; consumers use it as the idempotency key
 * @param type the event type, e.g. {@code order.placed}; selects the record {@code data} decodes to
 * @param source the producer, e.g. {@code gateway-service} or {@code stream-jobs}
 * @param time when the fact happened (event time), not when it was received
 * @param subject what the event is about: a user id, or {@code sku:region} for inventory
 * @param version version of the {@code data} schema for this type
 * @param data the payload
 * @param <T> payload type
 */
public record EventEnvelope<T extends EventData>(
        UUID id, String type, String source, Instant time, String subject, int version, T data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /** A new event with a random id, the type and version registered for the payload class. */
    public static <T extends EventData> EventEnvelope<T> of(String source, String subject, Instant time, T data) {
        EventCatalog.Entry entry = EventCatalog.of(data.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), entry.type(), source, time, subject, entry.version(), data);
    }

    /** The topic this event is published to, as registered in the {@link EventCatalog}. */
    public String topic() {
        return EventCatalog.byType(type)
                .map(EventCatalog.Entry::topic)
                .orElseThrow(() -> new IllegalStateException("unregistered event type " + type));
    }

    /** Whether the payload is of the given type; convenient in consumers' switch-free filters. */
    public boolean holds(Class<? extends EventData> dataType) {
        return dataType.isInstance(data);
    }

    @SuppressWarnings("unchecked")
    public <D extends EventData> EventEnvelope<D> as(Class<D> dataType) {
        if (!holds(dataType)) {
            throw new ClassCastException(type + " does not hold " + dataType.getSimpleName());
        }
        return (EventEnvelope<D>) this;
    }
}
