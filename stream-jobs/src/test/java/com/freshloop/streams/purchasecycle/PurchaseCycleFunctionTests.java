package com.freshloop.streams.purchasecycle;

import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.purchasecycle.functions.PurchaseCycleFunction;
import com.freshloop.streams.purchasecycle.functions.ToPurchases;
import com.freshloop.streams.purchasecycle.records.Purchase;
import com.freshloop.streams.purchasecycle.records.PurchaseHistory;
import com.freshloop.streams.signals.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PurchaseCycleFunctionTests {

    private KeyedOneInputStreamOperatorTestHarness<Tuple2<String, String>, Purchase, EventEnvelope<StreamEvent>>
            harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new PurchaseCycleFunction(PurchaseCycleSettings.defaults())),
                purchase -> Tuple2.of(purchase.userId(), purchase.sku()),
                Types.TUPLE(Types.STRING, Types.STRING));
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void announcesARepurchaseAtEightyPercentOfTheUsualInterval() throws Exception {
        buyMilk("2026-02-10T02:00:00Z", "2026-02-17T02:00:00Z");
        EventEnvelope<EventData> third = buyMilk("2026-02-24T02:00:00Z");
        Instant due =
                Instant.parse("2026-02-24T02:00:00Z").plus(Duration.ofMinutes(7 * 24 * 60 * 8 / 10)); // + 5.6 days
        harness.processWatermark(due.toEpochMilli() - 1);
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(due.toEpochMilli());

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 repurchase.due milk-1l/7.0", "u-1 +due_soon:milk-1l=1.0");
        assertThat(out.get(0).data())
                .isEqualTo(new RepurchaseDue("milk-1l", 7.0, Instant.parse("2026-02-24T02:00:00Z")));
        assertThat(out.get(0).time()).isEqualTo(due);
        assertThat(((TagAssigned) out.get(1).data()).expiresAt())
                .isEqualTo(Instant.parse("2026-02-24T02:00:00Z").plus(Duration.ofHours(7 * 24 * 3 / 2)));
        assertThat(out.get(1).id())
                .isEqualTo(Signals.id(
                        "purchase-cycle", "u-1", "due_soon:milk-1l", third.id().toString()));
    }

    @Test
    void theNextPurchaseRevokesTheTagAndSetsTheNextDueDate() throws Exception {
        buyMilk("2026-02-10T02:00:00Z", "2026-02-17T02:00:00Z", "2026-02-24T02:00:00Z");
        harness.processWatermark(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());
        buyMilk("2026-03-03T02:00:00Z");
        harness.processWatermark(Instant.parse("2026-03-09T00:00:00Z").toEpochMilli());

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out))
                .containsExactly(
                        "u-1 repurchase.due milk-1l/7.0",
                        "u-1 +due_soon:milk-1l=1.0",
                        "u-1 -due_soon:milk-1l",
                        "u-1 repurchase.due milk-1l/7.0",
                        "u-1 +due_soon:milk-1l=1.0");
        assertThat(out.get(2).time()).isEqualTo(Instant.parse("2026-03-03T02:00:00Z"));
    }

    @Test
    void needsTwoIntervalsCountsAnOrderOnceAndTopUpsAsOneOccasion() throws Exception {
        EventEnvelope<EventData> first = buyMilk("2026-02-10T02:00:00Z");
        buyMilk("2026-02-10T08:00:00Z"); // same day: a top-up, not a new occasion
        send(first); // redelivered
        buyMilk("2026-02-17T02:00:00Z");

        harness.processWatermark(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void placesAnOutOfOrderPurchaseInTheHistory() throws Exception {
        buyMilk("2026-02-10T02:00:00Z", "2026-02-24T02:00:00Z", "2026-02-17T02:00:00Z");

        harness.processWatermark(Instant.parse("2026-03-02T00:00:00Z").toEpochMilli());

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 repurchase.due milk-1l/7.0", "u-1 +due_soon:milk-1l=1.0");
    }

    @Test
    void staysQuietWhenReplayedHistoryIsAlreadyPastTheDueWindow() throws Exception {
        buyMilk("2026-02-10T02:00:00Z", "2026-02-17T02:00:00Z", "2026-02-24T02:00:00Z");

        harness.processWatermark(Instant.parse("2026-06-01T00:00:00Z").toEpochMilli());

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void measuresTheCycleAsTheMedianIntervalAndItsRegularity() {
        long day = Duration.ofDays(1).toMillis();
        PurchaseHistory history = PurchaseHistory.empty();
        for (long at : new long[] {0, 7 * day, 14 * day, 28 * day}) {
            history = history.purchased(at, "e-" + at, "o-" + at, day / 2, 8);
        }

        assertThat(history.cycle(2)).isEqualTo(7 * day);
        assertThat(history.regularity(2)).isCloseTo(1 - (7.0 / 3) / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(history.cycle(4)).isEqualTo(PurchaseHistory.NONE);
    }

    private EventEnvelope<EventData> buyMilk(String... times) throws Exception {
        EventEnvelope<EventData> last = null;
        for (String time : times) {
            last = order("u-1", time, "sh-pudong", "12.50", "milk-1l:dairy", "milk-1l:dairy");
            send(last);
        }
        return last;
    }

    private void send(EventEnvelope<EventData> event) throws Exception {
        List<Purchase> purchases = new ArrayList<>();
        new ToPurchases().flatMap(event, new ListCollector<>(purchases));
        assertThat(purchases).hasSize(1);
        for (Purchase purchase : purchases) {
            harness.processElement(purchase, purchase.eventTime());
        }
    }
}
