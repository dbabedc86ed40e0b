package com.freshloop.streams.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.testing.BehaviourEvents;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class EventEnvelopeSerializerTests {

    private static final Instant NOW = Instant.parse("2026-03-01T12:05:00Z");

    private final EventEnvelopeSerializer serializer = EventEnvelopeSerializer.INSTANCE;

    @Test
    void carriesABehaviourEventUnchanged() throws IOException {
        EventEnvelope<EventData> event =
                BehaviourEvents.event("u-1", NOW, new CartItemAdded("eggs-12", "eggs", 2, new BigDecimal("12.90")));

        assertThat(roundTrip(event)).isEqualTo(event);
    }

    @Test
    void carriesATagWithItsPayloadType() throws IOException {
        EventEnvelope<EventData> tag = BehaviourEvents.event(
                "u-1", NOW, new TagAssigned("active_hour:20", 0.5, NOW.plusSeconds(60), "active-hours"));

        EventEnvelope<EventData> copy = roundTrip(tag);

        assertThat(copy).isEqualTo(tag);
        assertThat(copy.data()).isInstanceOf(TagAssigned.class);
    }

    @Test
    void carriesAnUnknownTypeWithItsRawPayload() throws IOException {
        EventEnvelope<EventData> unknown = new EventEnvelope<>(
                UUID.randomUUID(), "app.shaken", "app", NOW, "u-1", 3, new Unrecognised("{\"times\":3}"));

        assertThat(roundTrip(roundTrip(unknown))).isEqualTo(unknown);
    }

    @Test
    void copiesSerializedBytesAsTheyAre() throws IOException {
        EventEnvelope<EventData> event = BehaviourEvents.pageView("u-1", "2026-03-01T12:05:00Z");
        DataOutputSerializer first = new DataOutputSerializer(64);
        serializer.serialize(event, first);
        DataOutputSerializer second = new DataOutputSerializer(64);

        serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), second);

        assertThat(serializer.deserialize(new DataInputDeserializer(second.getCopyOfBuffer())))
                .isEqualTo(event);
    }

    @Test
    void isWhatTheTypeInformationCreatesAndWhatItsSnapshotRestores() {
        TypeSerializer<EventEnvelope<TagAssigned>> created =
                EventEnvelopeTypeInfo.holding(TagAssigned.class).createSerializer(new SerializerConfigImpl());
        TypeSerializerSnapshot<EventEnvelope<EventData>> snapshot = serializer.snapshotConfiguration();

        assertThat(created).isSameAs(serializer);
        assertThat(snapshot.restoreSerializer()).isSameAs(serializer);
        assertThat(EventEnvelopeTypeInfo.any()).isEqualTo(EventEnvelopeTypeInfo.any());
        assertThat(EventEnvelopeTypeInfo.any()).isNotEqualTo(EventEnvelopeTypeInfo.holding(TagAssigned.class));
    }

    private EventEnvelope<EventData> roundTrip(EventEnvelope<EventData> event) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(event, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
