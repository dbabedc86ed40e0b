package com.freshloop.starter.kafka;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventEnvelope;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes {@link EventEnvelope}s with the shared {@link EventCodec}. Raw bytes pass through unchanged
 * so that the same producer can forward a poison record's original bytes to a dead-letter topic.
 */
public class EnvelopeSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof EventEnvelope<?> envelope) {
            return EventCodec.json().encode(envelope);
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        throw new SerializationException("cannot write " + data.getClass().getName() + " to " + topic);
    }
}
