package com.freshloop.streams.rfm;

import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.rfm.functions.RecentOrdersFunction;
import com.freshloop.streams.rfm.functions.ToOrderFact;
import com.freshloop.streams.rfm.records.OrderFact;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecentOrdersFunctionTests {

    private KeyedOneInputStreamOperatorTestHarness<String, OrderFact, EventEnvelope<StreamEvent>> harness;

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
    void publishesOrdersAndSpendOfTheLastThirtyDaysOnEveryOrder() throws Exception {
        send(harness, order("u-1", "2026-03-01T02:00:00Z", "sh-pudong", "20.50", "milk:dairy"));
        EventEnvelope<EventData> second = order("u-1", "2026-03-05T02:00:00Z", "sh-pudong", "9.49", "kale:organic");
        send(harness, second);

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out))
                .containsExactly(
                        "u-1 +orders_30d=1.0", "u-1 +spend_30d=20.5", "u-1 +orders_30d=2.0", "u-1 +spend_30d=29.99");
        assertThat(out.get(2).time()).isEqualTo(Instant.parse("2026-03-05T02:00:00Z"));
        assertThat(((TagAssigned) out.get(2).data()).expiresAt()).isEqualTo(Instant.parse("2026-04-04T02:00:00Z"));
        assertThat(out.get(2).id())
                .isEqualTo(Signals.id(
                        "rfm-inputs", "u-1", "orders_30d", second.id().toString()));
    }

    @Test
    void updatesWhenAnOrderLeavesTheWindowAndRevokesWhenNoneIsLeft() throws Exception {
        send(harness, order("u-1", "2026-03-01T02:00:00Z", "sh-pudong", "20.50", "milk:dairy"));
        send(harness, order("u-1", "2026-03-05T02:00:00Z", "sh-pudong", "9.50", "kale:organic"));
        harness.processWatermark(Instant.parse("2026-03-31T02:00:00Z").toEpochMilli());
        harness.processWatermark(Instant.parse("2026-04-04T02:00:00Z").toEpochMilli());

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out.subList(4, out.size())))
                .containsExactly("u-1 +orders_30d=1.0", "u-1 +spend_30d=9.5", "u-1 -orders_30d", "u-1 -spend_30d");
        assertThat(out.get(4).time()).isEqualTo(Instant.parse("2026-03-31T02:00:00Z"));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void anOrderAfterAnotherLeftTheWindowEmitsWhatTheTimerWouldWhicheverComesFirst() throws Exception {
        EventEnvelope<EventData> first = order("u-1", "2026-03-01T02:00:00Z", "sh-pudong", "20", "milk:dairy");
        EventEnvelope<EventData> later = order("u-1", "2026-04-02T02:00:00Z", "sh-pudong", "10", "milk:dairy");
        send(harness, first);
        harness.processWatermark(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());
        send(harness, later);

        var orderFirst = harness();
        orderFirst.open();
        send(orderFirst, first, later);
        orderFirst.processWatermark(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly(
                        "u-1 +orders_30d=1.0",
                        "u-1 +spend_30d=20.0",
                        "u-1 -orders_30d",
                        "u-1 -spend_30d",
                        "u-1 +orders_30d=1.0",
                        "u-1 +spend_30d=10.0");
        assertThat(orderFirst.extractOutputValues()).isEqualTo(harness.extractOutputValues());
        orderFirst.close();
    }

    @Test
    void countsARedeliveredOrderOnceAndDropsLateOnes() throws Exception {
        EventEnvelope<EventData> order = order("u-1", "2026-03-05T02:00:00Z", "sh-pudong", "10", "milk:dairy");
        send(harness, order, order);
        harness.processWatermark(Instant.parse("2026-03-07T02:00:00Z").toEpochMilli());
        send(harness, order("u-1", "2026-03-05T03:00:00Z", "sh-pudong", "10", "milk:dairy"));

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 +orders_30d=1.0", "u-1 +spend_30d=10.0");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, OrderFact, EventEnvelope<StreamEvent>> harness()
            throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new RecentOrdersFunction(RfmSettings.defaults())),
                OrderFact::userId,
                Types.STRING);
    }

    @SafeVarargs
    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, OrderFact, EventEnvelope<StreamEvent>> harness,
            EventEnvelope<EventData>... events)
            throws Exception {
        List<OrderFact> orders = new ArrayList<>();
        for (EventEnvelope<EventData> event : events) {
            new ToOrderFact().flatMap(event, new ListCollector<>(orders));
        }
        for (OrderFact order : orders) {
            harness.processElement(order, order.eventTime());
        }
    }
}
