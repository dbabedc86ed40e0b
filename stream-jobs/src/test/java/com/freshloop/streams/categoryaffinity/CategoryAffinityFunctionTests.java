package com.freshloop.streams.categoryaffinity;

import static com.freshloop.streams.testing.BehaviourEvents.cartAdd;
import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.BehaviourEvents.pageView;
import static com.freshloop.streams.testing.BehaviourEvents.view;
import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.categoryaffinity.functions.CategoryAffinityFunction;
import com.freshloop.streams.categoryaffinity.functions.ToCategoryInterest;
import com.freshloop.streams.categoryaffinity.records.CategoryInterest;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CategoryAffinityFunctionTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private KeyedOneInputStreamOperatorTestHarness<String, CategoryInterest, EventEnvelope<StreamEvent>> harness;

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
    void tagsACategoryAsSoonAsTheWindowHoldsEnoughWeight() throws Exception {
        send(
                harness,
                view("u-1", "2026-03-10T02:00:00Z", "Organic"),
                view("u-1", "2026-03-10T02:01:00Z", "organic"),
                cartAdd("u-1", "2026-03-10T02:02:00Z", "kale", "organic"));
        assertThat(harness.extractOutputValues()).isEmpty(); // weight 5 of the 8 needed

        EventEnvelope<EventData> order = order("u-1", "2026-03-10T02:03:00Z", "sh-pudong", "9", "kale:organic");
        send(harness, order);

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 +interest:organic=1.0");
        // Expires when the day of the newest activity (10 March in Shanghai) has slid out of the 7 days.
        assertThat(((TagAssigned) out.get(0).data()).expiresAt()).isEqualTo(Instant.parse("2026-03-16T16:00:00Z"));
        assertThat(out.get(0).time()).isEqualTo(Instant.parse("2026-03-10T02:03:00Z"));
        assertThat(out.get(0).id())
                .isEqualTo(Signals.id(
                        "category-affinity",
                        "u-1",
                        "interest:organic",
                        order.id().toString()));
    }

    @Test
    void tagsTheHeaviestCategoriesAboveTheShareAndRevokesOneOnlyWellBelowIt() throws Exception {
        send(
                harness,
                cartAdd("u-1", "2026-03-10T02:00:00Z", "kale", "organic"), // organic 3
                order("u-1", "2026-03-10T02:01:00Z", "sh-pudong", "30", "mango:imported fruit", "kale:organic"),
                view("u-1", "2026-03-10T02:02:00Z", "snacks"),
                view("u-1", "2026-03-10T02:03:00Z", "snacks")); // organic 8, imported_fruit 5, snacks 2
        send(harness, order("u-1", "2026-03-10T02:04:00Z", "sh-pudong", "9", "milk:dairy"));
        send(harness, order("u-1", "2026-03-10T02:05:00Z", "sh-pudong", "9", "yoghurt:dairy"));
        // dairy 15 of 30; imported fruit down to 0.17: under the 0.2 to become an interest, above the
        // 0.15 to stay one.
        send(harness, order("u-1", "2026-03-10T02:06:00Z", "sh-pudong", "9", "cheese:dairy"));
        assertThat(harness.extractOutputValues()).hasSize(3);

        send(harness, order("u-1", "2026-03-10T02:07:00Z", "sh-pudong", "9", "butter:dairy")); // fruit 0.14

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly(
                        "u-1 +interest:organic=0.6154",
                        "u-1 +interest:imported_fruit=0.3846",
                        "u-1 +interest:dairy=0.25",
                        "u-1 -interest:imported_fruit");
    }

    @Test
    void slidesTheWindowAtMidnightAndRevokesWhatFallsOut() throws Exception {
        send(harness, organicOrderAndCart("2026-03-10"));
        harness.processWatermark(Instant.parse("2026-03-16T15:59:59Z").toEpochMilli());
        assertThat(harness.extractOutputValues()).hasSize(1);

        harness.processWatermark(Instant.parse("2026-03-16T16:00:00Z").toEpochMilli()); // 17 March in Shanghai

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 +interest:organic=1.0", "u-1 -interest:organic");
        assertThat(out.get(1).time()).isEqualTo(Instant.parse("2026-03-16T16:00:00Z"));
        long day = LocalDate.parse("2026-03-17").toEpochDay();
        assertThat(out.get(1).id())
                .isEqualTo(Signals.id("category-affinity", "u-1", "revoke:interest:organic", "day:" + day));
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    @Test
    void anEventAfterMidnightEmitsWhatTheMidnightTimerWouldWhicheverComesFirst() throws Exception {
        EventEnvelope<EventData>[] first = organicOrderAndCart("2026-03-10");
        EventEnvelope<EventData> weekLater = order("u-1", "2026-03-17T02:00:00Z", "sh-pudong", "9", "milk:dairy");
        EventEnvelope<EventData> more = cartAdd("u-1", "2026-03-17T02:01:00Z", "milk", "dairy");
        send(harness, first);
        harness.processWatermark(Instant.parse("2026-03-17T01:00:00Z").toEpochMilli());
        send(harness, weekLater, more);

        var eventFirst = harness();
        eventFirst.open();
        send(eventFirst, first);
        send(eventFirst, weekLater, more);
        eventFirst.processWatermark(Instant.parse("2026-03-17T01:00:00Z").toEpochMilli());

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 +interest:organic=1.0", "u-1 -interest:organic", "u-1 +interest:dairy=1.0");
        assertThat(eventFirst.extractOutputValues()).isEqualTo(harness.extractOutputValues());
        eventFirst.close();
    }

    @Test
    void publishesTheInterestsAgainOnTheFirstEventOfADaySoThatTheyDoNotExpire() throws Exception {
        send(harness, organicOrderAndCart("2026-03-10"));
        send(harness, view("u-1", "2026-03-10T03:00:00Z", "organic"));
        send(harness, view("u-1", "2026-03-11T03:00:00Z", "organic"));
        send(harness, view("u-1", "2026-03-11T04:00:00Z", "organic"));

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 +interest:organic=1.0", "u-1 +interest:organic=1.0");
        assertThat(((TagAssigned) out.get(1).data()).expiresAt()).isEqualTo(Instant.parse("2026-03-17T16:00:00Z"));
    }

    @Test
    void countsLateEventsWithinTheAllowedLatenessAndDropsLaterOnes() throws Exception {
        harness.processWatermark(Instant.parse("2026-03-10T12:00:00Z").toEpochMilli());
        send(
                harness,
                order("u-1", "2026-03-09T13:00:00Z", "sh-pudong", "9", "kale:organic"), // 23 h late: counts
                cartAdd("u-1", "2026-03-09T13:01:00Z", "kale", "organic"),
                order("u-2", "2026-03-09T11:00:00Z", "sh-pudong", "9", "kale:organic"), // 25 h late: dropped
                cartAdd("u-2", "2026-03-09T11:01:00Z", "kale", "organic"));

        assertThat(describe(harness.extractOutputValues())).containsExactly("u-1 +interest:organic=1.0");
    }

    @Test
    void readsCategoriesFromViewsCartsAndOrdersWithTheirWeights() {
        List<CategoryInterest> interests = new ArrayList<>();
        ToCategoryInterest toInterest = new ToCategoryInterest();
        for (EventEnvelope<EventData> event : List.of(
                view("u-1", "2026-03-10T02:00:00Z", "Imported Fruit"),
                cartAdd("u-1", "2026-03-10T02:01:00Z", "kale", "organic"),
                order(
                        "u-1",
                        "2026-03-10T02:02:00Z",
                        "sh-pudong",
                        "1",
                        "kale:organic",
                        "pak-choi:organic",
                        "milk:dairy"),
                pageView("u-1", "2026-03-10T02:03:00Z"),
                view("u-1", "2026-03-10T02:04:00Z", "蔬菜"))) {
            toInterest.flatMap(event, new ListCollector<>(interests));
        }

        assertThat(interests)
                .extracting(interest -> List.of(interest.categories()) + "x" + interest.weight())
                .containsExactly("[imported_fruit]x1.0", "[organic]x3.0", "[dairy, organic]x5.0");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, CategoryInterest, EventEnvelope<StreamEvent>>
            harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new CategoryAffinityFunction(CategoryAffinitySettings.defaults(SHANGHAI))),
                CategoryInterest::userId,
                Types.STRING);
    }

    /** Weight 8 for organic on {@code day}: enough for an interest. */
    @SuppressWarnings("unchecked")
    private static EventEnvelope<EventData>[] organicOrderAndCart(String day) {
        return new EventEnvelope[] {
            order("u-1", day + "T02:00:00Z", "sh-pudong", "9", "kale:organic"),
            cartAdd("u-1", day + "T02:01:00Z", "kale", "organic")
        };
    }

    @SafeVarargs
    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CategoryInterest, EventEnvelope<StreamEvent>> harness,
            EventEnvelope<EventData>... events)
            throws Exception {
        List<CategoryInterest> interests = new ArrayList<>();
        for (EventEnvelope<EventData> event : events) {
            new ToCategoryInterest().flatMap(event, new ListCollector<>(interests));
        }
        for (CategoryInterest interest : interests) {
            harness.processElement(interest, interest.eventTime());
        }
    }
}
