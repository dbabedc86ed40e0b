package com.freshloop.streams.types;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for an {@link EventEnvelope} with a payload of (at most) the given type;
 * every envelope, whatever its payload, travels through {@link EventEnvelopeSerializer}.
 *
 * @param <T> the payload type
 */
public final class EventEnvelopeTypeInfo<T extends EventData> extends TypeInformation<EventEnvelope<T>> {

    private static final long serialVersionUID = 1L;

    private final Class<T> dataClass;

    private EventEnvelopeTypeInfo(Class<T> dataClass) {
        this.dataClass = Objects.requireNonNull(dataClass, "dataClass");
    }

    /** Envelopes as read from a topic: any payload. */
    public static EventEnvelopeTypeInfo<EventData> any() {
        return new EventEnvelopeTypeInfo<>(EventData.class);
    }

    public static <T extends EventData> EventEnvelopeTypeInfo<T> holding(Class<T> dataClass) {
        return new EventEnvelopeTypeInfo<>(dataClass);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Class<EventEnvelope<T>> getTypeClass() {
        return (Class) EventEnvelope.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public TypeSerializer<EventEnvelope<T>> createSerializer(SerializerConfig config) {
        // One serializer for every payload type: the JSON names the type, so decoding restores it.
        return (TypeSerializer) EventEnvelopeSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "EventEnvelope<" + dataClass.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventEnvelopeTypeInfo<?> that
                && that.canEqual(this)
                && dataClass.equals(that.dataClass);
    }

    @Override
    public int hashCode() {
        return dataClass.hashCode();
    }

    @Override
    public boolean canEqual(Object other) {
        return other instanceof EventEnvelopeTypeInfo;
    }
}
