package com.freshloop.streams.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.CartAbandoned;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.streams.cartabandonment.records.Cart;
import com.freshloop.streams.cartabandonment.records.CartAction;
import com.freshloop.streams.categoryaffinity.records.AffinityWindow;
import com.freshloop.streams.categoryaffinity.records.CategoryInterest;
import com.freshloop.streams.purchasecycle.records.Purchase;
import com.freshloop.streams.purchasecycle.records.PurchaseHistory;
import com.freshloop.streams.rfm.records.OrderFact;
import com.freshloop.streams.rfm.records.RecentOrders;
import com.freshloop.streams.scenario.records.ContextFact;
import com.freshloop.streams.scenario.records.RegionContext;
import com.freshloop.streams.scenario.records.UserRegion;
import com.freshloop.streams.scenario.records.UserScenarios;
import com.freshloop.streams.sessions.records.Interaction;
import com.freshloop.streams.sessions.records.Session;
import com.freshloop.streams.sessions.records.SessionLog;
import com.freshloop.streams.sessions.records.SessionStats;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalsTests {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void derivesIdsFromJobUserDecisionAndCause() {
        var assigned = Signals.assigned("j", "u-1", "interest:organic", 0.5, NOW.plusSeconds(60), NOW, "e-1");
        var revoked = Signals.revoked("j", "u-1", "interest:organic", NOW, "e-1");

        assertThat(assigned.id()).isEqualTo(Signals.id("j", "u-1", "interest:organic", "e-1"));
        assertThat(Signals.assigned("j", "u-1", "interest:organic", 0.9, NOW, NOW, "e-1")
                        .id())
                .isEqualTo(assigned.id());
        assertThat(revoked.id()).isNotEqualTo(assigned.id());
        assertThat(Signals.assigned("j", "u-2", "interest:organic", 0.5, NOW, NOW, "e-1")
                        .id())
                .isNotEqualTo(assigned.id());
        assertThat(assigned.data()).isEqualTo(new TagAssigned("interest:organic", 0.5, NOW.plusSeconds(60), "j"));
        assertThat(revoked.data()).isEqualTo(new TagRevoked("interest:organic", "j"));
        assertThat(assigned.source()).isEqualTo("stream-jobs");
    }

    @Test
    void emitsEnvelopesThePlatformCodecReadsBack() {
        EventEnvelope<StreamEvent> abandoned =
                Signals.signal("j", "u-1", new CartAbandoned(List.of("eggs"), NOW), "", NOW, "e-1");

        EventEnvelope<EventData> decoded =
                EventCodec.json().decode(EventCodec.json().encode(abandoned));

        assertThat(decoded).isEqualTo(abandoned);
        assertThat(decoded.type()).isEqualTo("cart.abandoned");
    }

    @Test
    void makesTagValuesProfileServiceAccepts() {
        assertThat(Signals.tagValue("Imported Fruit")).isEqualTo("Imported_Fruit");
        assertThat(Signals.tagValue("eggs-12.pack")).isEqualTo("eggs-12.pack");
        assertThat(Signals.tagValue("蔬菜")).isEmpty();
        assertThat(Signals.tagValue(null)).isEmpty();
        assertThat(Signals.tagValue("x".repeat(100))).hasSize(80);
    }

    @Test
    void nothingIsLateBeforeTheFirstWatermark() {
        Duration day = Duration.ofDays(1);

        assertThat(Signals.isLate(0, Long.MIN_VALUE, day)).isFalse();
        assertThat(Signals.isLate(NOW.toEpochMilli(), NOW.plus(day).toEpochMilli(), day))
                .isFalse();
        assertThat(Signals.isLate(NOW.toEpochMilli() - 1, NOW.plus(day).toEpochMilli(), day))
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                CartAction.class,
                Cart.class,
                CategoryInterest.class,
                AffinityWindow.class,
                Purchase.class,
                PurchaseHistory.class,
                OrderFact.class,
                RecentOrders.class,
                Interaction.class,
                SessionStats.class,
                Session.class,
                SessionLog.class,
                UserRegion.class,
                ContextFact.class,
                RegionContext.class,
                UserScenarios.class
            })
    void everyRecordTheJobsShuffleOrKeepIsAFlinkPojoNotKryo(Class<?> type) {
        assertThat(TypeInformation.of(type)).isInstanceOf(PojoTypeInfo.class);
    }

    @Test
    void stateWithArraysAndNullsSurvivesFlinksSerializer() throws Exception {
        Cart cart = Cart.empty().add("eggs", 1, "e-1").add("milk", 2, "e-2").abandoned(3);
        UserScenarios nobody = UserScenarios.none();

        assertThat(roundTrip(cart, Cart.class)).isEqualTo(cart);
        assertThat(roundTrip(nobody, UserScenarios.class)).isEqualTo(nobody);
    }

    private static <T> T roundTrip(T value, Class<T> type) throws Exception {
        TypeSerializer<T> serializer = TypeInformation.of(type).createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
