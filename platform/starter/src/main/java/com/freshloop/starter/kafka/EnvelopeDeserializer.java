package com.freshloop.starter.kafka;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventDecodingException;
import com.freshloop.events.EventEnvelope;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads {@link EventEnvelope}s. Wrapped by Spring Kafka's {@code ErrorHandlingDeserializer}, so a
 * record that is not an event reaches the error handler (and the dead-letter topic) instead of
 * stopping the consumer.
 */
public class EnvelopeDeserializer implements Deserializer<EventEnvelope<EventData>> {

    @Override
    public EventEnvelope<EventData> deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return EventCodec.json().decode(data);
        } catch (EventDecodingException e) {
            throw new SerializationException("not an event on " + topic + ": " + e.getMessage(), e);
        }
    }
}
