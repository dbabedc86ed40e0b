package com.freshloop.streams.cartabandonment;

import static com.freshloop.streams.testing.BehaviourEvents.cartAdd;
import static com.freshloop.streams.testing.BehaviourEvents.cartRemove;
import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.BehaviourEvents.pageView;
import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.CartAbandoned;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.cartabandonment.functions.CartAbandonmentFunction;
import com.freshloop.streams.cartabandonment.functions.ToCartAction;
import com.freshloop.streams.cartabandonment.records.CartAction;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CartAbandonmentFunctionTests {

    private KeyedOneInputStreamOperatorTestHarness<String, CartAction, EventEnvelope<StreamEvent>> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = harness();
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void abandonsACartWithoutAnOrderThirtyMinutesAfterTheNewestItem() throws Exception {
        EventEnvelope<EventData> eggs = cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs");
        EventEnvelope<EventData> bread = cartAdd("u-1", "2026-03-10T02:05:00Z", "bread", "bakery");
        send(harness, eggs, bread);
        harness.processWatermark(at("2026-03-10T02:34:59Z"));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(at("2026-03-10T02:35:00Z"));

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 cart.abandoned[eggs-12, bread]", "u-1 +cart_abandoned=2.0");
        assertThat(out.get(0).data())
                .isEqualTo(new CartAbandoned(List.of("eggs-12", "bread"), Instant.parse("2026-03-10T02:05:00Z")));
        assertThat(out.get(0).time()).isEqualTo(Instant.parse("2026-03-10T02:35:00Z"));
        assertThat(((TagAssigned) out.get(1).data()).expiresAt()).isEqualTo(Instant.parse("2026-03-13T02:35:00Z"));
        assertThat(out.get(1).id())
                .isEqualTo(Signals.id(
                        "cart-abandonment", "u-1", "cart_abandoned", bread.id().toString()));
    }

    @Test
    void anOrderWithinTheWindowPreventsIt() throws Exception {
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));
        send(harness, order("u-1", "2026-03-10T02:20:00Z", "sh-pudong", "12.90", "eggs-12:eggs"));

        harness.processWatermark(at("2026-03-10T05:00:00Z"));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anOrderArrivingAfterTheAbandonmentRevokesTheTag() throws Exception {
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));
        harness.processWatermark(at("2026-03-10T02:31:00Z"));
        // Placed at 02:25, inside the window, but it reached us after the watermark had passed 02:30.
        EventEnvelope<EventData> order = order("u-1", "2026-03-10T02:25:00Z", "sh-pudong", "12.90", "eggs-12:eggs");
        send(harness, order);

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out))
                .containsExactly("u-1 cart.abandoned[eggs-12]", "u-1 +cart_abandoned=1.0", "u-1 -cart_abandoned");
        // Dated as the tag, not earlier, so that profile-service applies it.
        assertThat(out.get(2).time()).isEqualTo(Instant.parse("2026-03-10T02:30:00Z"));
        assertThat(out.get(2).id())
                .isEqualTo(Signals.id(
                        "cart-abandonment",
                        "u-1",
                        "revoke:cart_abandoned",
                        order.id().toString()));
    }

    @Test
    void ignoresItemsAddedBeforeAnOrderThatArrivedFirst() throws Exception {
        send(harness, order("u-1", "2026-03-10T02:25:00Z", "sh-pudong", "12.90", "eggs-12:eggs"));
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));

        harness.processWatermark(at("2026-03-10T05:00:00Z"));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void anotherItemMovesTheDeadline() throws Exception {
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));
        send(harness, cartAdd("u-1", "2026-03-10T02:20:00Z", "milk-1l", "dairy"));
        harness.processWatermark(at("2026-03-10T02:31:00Z"));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(at("2026-03-10T02:50:00Z"));

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 cart.abandoned[eggs-12, milk-1l]", "u-1 +cart_abandoned=2.0");
    }

    @Test
    void emptyingTheCartCancelsItAndTakingOutTheNewestItemDoesNotRepeatIt() throws Exception {
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));
        send(harness, cartRemove("u-1", "2026-03-10T02:05:00Z", "eggs-12"));
        harness.processWatermark(at("2026-03-10T03:00:00Z"));
        assertThat(harness.extractOutputValues()).isEmpty();

        send(harness, cartAdd("u-2", "2026-03-10T03:00:00Z", "eggs-12", "eggs"));
        send(harness, cartAdd("u-2", "2026-03-10T03:10:00Z", "milk-1l", "dairy"));
        harness.processWatermark(at("2026-03-10T03:40:00Z"));
        send(harness, cartRemove("u-2", "2026-03-10T03:45:00Z", "milk-1l"));
        harness.processWatermark(at("2026-03-10T05:00:00Z"));

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-2 cart.abandoned[eggs-12, milk-1l]", "u-2 +cart_abandoned=2.0");
    }

    @Test
    void dropsEventsLaterThanTheAllowedLateness() throws Exception {
        harness.processWatermark(at("2026-03-12T00:00:00Z"));
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));

        harness.processWatermark(at("2026-03-13T00:00:00Z"));

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void makesTheSameDecisionsWithTheSameIdsWhenReplayedFromACheckpoint() throws Exception {
        send(harness, cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"));
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);
        EventEnvelope<EventData> milk = cartAdd("u-1", "2026-03-10T02:10:00Z", "milk-1l", "dairy");
        send(harness, milk);
        harness.processWatermark(at("2026-03-10T03:00:00Z"));
        List<EventEnvelope<StreamEvent>> beforeFailure = harness.extractOutputValues();

        var restored = harness();
        restored.initializeState(checkpoint);
        restored.open();
        send(restored, milk);
        restored.processWatermark(at("2026-03-10T03:00:00Z"));

        assertThat(restored.extractOutputValues()).hasSize(2).isEqualTo(beforeFailure);
        restored.close();
    }

    @Test
    void readsAdditionsRemovalsAndOrdersOfKnownShoppers() {
        List<CartAction> actions = new ArrayList<>();
        ToCartAction toAction = new ToCartAction();
        for (EventEnvelope<EventData> event : List.of(
                cartAdd("u-1", "2026-03-10T02:00:00Z", "eggs-12", "eggs"),
                cartRemove("u-1", "2026-03-10T02:01:00Z", "eggs-12"),
                order("u-1", "2026-03-10T02:02:00Z", "sh-pudong", "1", "eggs-12:eggs"),
                pageView("u-1", "2026-03-10T02:03:00Z"),
                cartAdd(null, "2026-03-10T02:04:00Z", "eggs-12", "eggs"))) {
            toAction.flatMap(event, new ListCollector<>(actions));
        }

        assertThat(actions)
                .extracting(CartAction::kind, CartAction::sku)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CartAction.Kind.ADD, "eggs-12"),
                        org.assertj.core.groups.Tuple.tuple(CartAction.Kind.REMOVE, "eggs-12"),
                        org.assertj.core.groups.Tuple.tuple(CartAction.Kind.ORDER, null));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CartAction, EventEnvelope<StreamEvent>> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CartAbandonmentFunction(CartAbandonmentSettings.defaults())),
                CartAction::userId,
                Types.STRING);
    }

    @SafeVarargs
    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CartAction, EventEnvelope<StreamEvent>> harness,
            EventEnvelope<EventData>... events)
            throws Exception {
        List<CartAction> actions = new ArrayList<>();
        for (EventEnvelope<EventData> event : events) {
            new ToCartAction().flatMap(event, new ListCollector<>(actions));
        }
        for (CartAction action : actions) {
            harness.processElement(action, action.eventTime());
        }
    }

    private static long at(String time) {
        return Instant.parse(time).toEpochMilli();
    }
}
