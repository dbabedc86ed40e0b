package com.freshloop.streams.types;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves {@link EventEnvelope}s between Flink operators in their wire format (the platform's JSON),
 * length-prefixed. Flink would otherwise fall back to Kryo for the polymorphic payload, which needs
 * reflective access into the JDK on Java 17 and breaks silently when a payload record changes; the
 * JSON codec is already tolerant of added and removed fields, so this serializer never needs a
 * migration.
 */
public final class EventEnvelopeSerializer extends TypeSerializerSingleton<EventEnvelope<EventData>> {

    public static final EventEnvelopeSerializer INSTANCE = new EventEnvelopeSerializer();

    private static final long serialVersionUID = 1L;

    @Override
    public boolean isImmutableType() {
        // Envelopes and their payload records are never mutated, so Flink may skip defensive copies.
        return true;
    }

    @Override
    public EventEnvelope<EventData> createInstance() {
        return null;
    }

    @Override
    public EventEnvelope<EventData> copy(EventEnvelope<EventData> from) {
        return from;
    }

    @Override
    public EventEnvelope<EventData> copy(EventEnvelope<EventData> from, EventEnvelope<EventData> reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(EventEnvelope<EventData> record, DataOutputView target) throws IOException {
        byte[] bytes = encode(record);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public EventEnvelope<EventData> deserialize(DataInputView source) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        return EventCodec.json().decode(bytes);
    }

    @Override
    public EventEnvelope<EventData> deserialize(EventEnvelope<EventData> reuse, DataInputView source)
            throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        byte[] bytes = new byte[source.readInt()];
        source.readFully(bytes);
        target.writeInt(bytes.length);
        target.write(bytes);
    }

    @Override
    public TypeSerializerSnapshot<EventEnvelope<EventData>> snapshotConfiguration() {
        return new EventEnvelopeSerializerSnapshot();
    }

    /** The codec writes an {@link Unrecognised} payload as its raw JSON so that it survives the hop unchanged. */
    static byte[] encode(EventEnvelope<?> envelope) {
        EventCodec codec = EventCodec.json();
        if (envelope.data() instanceof Unrecognised unrecognised) {
            ObjectNode tree = codec.toTree(envelope);
            tree.set("data", codec.mapper().readTree(unrecognised.json()));
            return codec.mapper().writeValueAsBytes(tree);
        }
        return codec.encode(envelope);
    }

    private Object readResolve() {
        return INSTANCE;
    }

    /** Restores the serializer from a checkpoint; public with a no-arg constructor as Flink requires. */
    public static final class EventEnvelopeSerializerSnapshot
            extends SimpleTypeSerializerSnapshot<EventEnvelope<EventData>> {
        public EventEnvelopeSerializerSnapshot() {
            super(() -> INSTANCE);
        }
    }
}
