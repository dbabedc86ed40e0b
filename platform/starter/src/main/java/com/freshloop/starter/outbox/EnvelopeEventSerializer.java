package com.freshloop.starter.outbox;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventEnvelope;
import org.springframework.modulith.events.core.EventSerializer;

/**
 * Stores outbox entries in the registry in the wire format, so an entry re-sent after a restart is
 * byte-for-byte the event that would have been sent before it.
 */
class EnvelopeEventSerializer implements EventSerializer {

    @Override
    public Object serialize(Object event) {
        if (event instanceof EventEnvelope<?> envelope) {
            return EventCodec.json().encodeToString(envelope);
        }
        throw new IllegalArgumentException(
                "only EventEnvelope is published through the outbox, got " + event.getClass());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T deserialize(Object serialized, Class<T> type) {
        if (!EventEnvelope.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("unexpected outbox entry type " + type);
        }
        return (T) EventCodec.json().decode(serialized.toString());
    }
}
