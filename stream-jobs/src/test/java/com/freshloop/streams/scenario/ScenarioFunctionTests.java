package com.freshloop.streams.scenario;

import static com.freshloop.streams.testing.BehaviourEvents.holiday;
import static com.freshloop.streams.testing.BehaviourEvents.order;
import static com.freshloop.streams.testing.BehaviourEvents.weather;
import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.scenario.functions.ScenarioFunction;
import com.freshloop.streams.scenario.functions.ToContextFact;
import com.freshloop.streams.scenario.functions.ToUserRegion;
import com.freshloop.streams.scenario.records.ContextFact;
import com.freshloop.streams.scenario.records.UserRegion;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenarioFunctionTests {

    private static final String HOT_DAY = "2026-07-10T00:00:00Z";

    private KeyedBroadcastOperatorTestHarness<String, UserRegion, ContextFact, EventEnvelope<StreamEvent>> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = harness();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void hotWeatherTagsTheShoppersOfThatRegionOnly() throws Exception {
        EventEnvelope<EventData> firstOrder = order("u-1", "2026-07-09T02:00:00Z", "sh-pudong", "9", "a:b");
        send(harness, firstOrder, order("u-2", "2026-07-09T02:00:00Z", "bj-chaoyang", "9", "a:b"));
        EventEnvelope<EventData> hot = weather("sh-pudong", "2026-07-10", 34.5, "sunny", HOT_DAY);

        send(harness, hot, weather("bj-chaoyang", "2026-07-10", 24, "cloudy", HOT_DAY));

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 +scenario:hot_weather=34.5");
        // Holds through the next day (Shanghai), unless a newer observation replaces it.
        assertThat(((TagAssigned) out.get(0).data()).expiresAt()).isEqualTo(Instant.parse("2026-07-11T16:00:00Z"));
        assertThat(out.get(0).time()).isEqualTo(Instant.parse(HOT_DAY));
        assertThat(out.get(0).id())
                .isEqualTo(Signals.id(
                        "scenario-tags",
                        "u-1",
                        "scenario:hot_weather",
                        hot.id() + "@" + Instant.parse("2026-07-09T02:00:00Z").toEpochMilli()));
    }

    @Test
    void aShopperArrivingAfterTheWeatherGetsTheSameTagAsOneWhoWasThereBefore() throws Exception {
        EventEnvelope<EventData> order = order("u-1", "2026-07-09T02:00:00Z", "sh-pudong", "9", "a:b");
        EventEnvelope<EventData> hot = weather("sh-pudong", "2026-07-10", 34.5, "sunny", HOT_DAY);
        send(harness, order, hot);

        var weatherFirst = harness();
        send(weatherFirst, hot, order);

        assertThat(weatherFirst.extractOutputValues()).hasSize(1).isEqualTo(harness.extractOutputValues());
        weatherFirst.close();
    }

    @Test
    void aCoolerObservationRevokesItAndRainAddsItsOwn() throws Exception {
        send(harness, order("u-1", "2026-07-09T02:00:00Z", "sh-pudong", "9", "a:b"));
        send(harness, weather("sh-pudong", "2026-07-10", 31, "sunny", HOT_DAY));

        send(harness, weather("sh-pudong", "2026-07-11", 26, "heavy rain", "2026-07-11T00:00:00Z"));

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out))
                .containsExactly(
                        "u-1 +scenario:hot_weather=31.0", "u-1 +scenario:rainy=1.0", "u-1 -scenario:hot_weather");
        assertThat(out.get(2).time()).isEqualTo(Instant.parse("2026-07-11T00:00:00Z"));
    }

    @Test
    void movingToAnotherRegionSwapsTheScenarios() throws Exception {
        send(
                harness,
                weather("sh-pudong", "2026-01-10", 2, "snow", "2026-01-10T00:00:00Z"),
                weather("gz-tianhe", "2026-01-10", 18, "sunny", "2026-01-10T00:00:00Z"),
                order("u-1", "2026-01-10T02:00:00Z", "sh-pudong", "9", "a:b"));

        send(harness, order("u-1", "2026-01-10T05:00:00Z", "gz-tianhe", "9", "a:b"));
        // An older order from the old region, arriving late, does not move the shopper back.
        send(harness, order("u-1", "2026-01-10T04:00:00Z", "sh-pudong", "9", "a:b"));

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 +scenario:cold_weather=2.0", "u-1 -scenario:cold_weather");
    }

    @Test
    void aHolidayForEveryRegionTagsEveryShopperUntilItsEnd() throws Exception {
        send(
                harness,
                order("u-1", "2026-09-28T02:00:00Z", "sh-pudong", "9", "a:b"),
                order("u-2", "2026-09-28T02:00:00Z", "bj-chaoyang", "9", "a:b"));

        send(harness, holiday("*", "2026-10-01", "National Day", "2026-09-28T03:00:00Z"));

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactlyInAnyOrder("u-1 +scenario:holiday=1.0", "u-2 +scenario:holiday=1.0");
        assertThat(((TagAssigned) out.get(0).data()).expiresAt()).isEqualTo(Instant.parse("2026-10-01T16:00:00Z"));
    }

    private static KeyedBroadcastOperatorTestHarness<String, UserRegion, ContextFact, EventEnvelope<StreamEvent>>
            harness() throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new ScenarioFunction(ScenarioSettings.defaults(ZoneId.of("Asia/Shanghai"))),
                UserRegion::userId,
                Types.STRING,
                ScenarioFunction.REGIONS);
    }

    /** Orders go to the keyed input, weather and holidays to the broadcast input, in the given order. */
    @SafeVarargs
    private static void send(
            KeyedBroadcastOperatorTestHarness<String, UserRegion, ContextFact, EventEnvelope<StreamEvent>> harness,
            EventEnvelope<EventData>... events)
            throws Exception {
        for (EventEnvelope<EventData> event : events) {
            List<UserRegion> regions = new ArrayList<>();
            List<ContextFact> facts = new ArrayList<>();
            new ToUserRegion().flatMap(event, new ListCollector<>(regions));
            new ToContextFact().flatMap(event, new ListCollector<>(facts));
            for (UserRegion region : regions) {
                harness.processElement(region, region.eventTime());
            }
            for (ContextFact fact : facts) {
                harness.processBroadcastElement(fact, fact.eventTime());
            }
        }
    }
}
