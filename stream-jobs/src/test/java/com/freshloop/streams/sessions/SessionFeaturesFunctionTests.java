package com.freshloop.streams.sessions;

import static com.freshloop.streams.testing.Emitted.describe;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.sessions.functions.SessionAggregate;
import com.freshloop.streams.sessions.functions.SessionFeaturesFunction;
import com.freshloop.streams.sessions.functions.ToInteraction;
import com.freshloop.streams.sessions.records.Interaction;
import com.freshloop.streams.sessions.records.Session;
import com.freshloop.streams.sessions.records.SessionStats;
import com.freshloop.streams.testing.BehaviourEvents;
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

class SessionFeaturesFunctionTests {

    private KeyedOneInputStreamOperatorTestHarness<String, Session, EventEnvelope<StreamEvent>> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new SessionFeaturesFunction(SessionSettings.defaults())),
                Session::userId,
                Types.STRING);
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void tagsAShopperWithThreeSessionsWithoutAnOrderAndCountsOn() throws Exception {
        session("2026-03-01T02:00:00Z", "2026-03-01T02:10:00Z", false);
        session("2026-03-02T02:00:00Z", "2026-03-02T02:20:00Z", false);
        assertThat(harness.extractOutputValues()).isEmpty();

        session("2026-03-04T02:00:00Z", "2026-03-04T02:05:00Z", false);
        session("2026-03-05T02:00:00Z", "2026-03-05T02:05:00Z", false);

        List<EventEnvelope<StreamEvent>> out = harness.extractOutputValues();
        assertThat(describe(out)).containsExactly("u-1 +browser_no_buy=3.0", "u-1 +browser_no_buy=4.0");
        // Holds until the third newest session leaves the 14-day lookback.
        assertThat(((TagAssigned) out.get(0).data()).expiresAt()).isEqualTo(Instant.parse("2026-03-15T02:10:00Z"));
        assertThat(((TagAssigned) out.get(1).data()).expiresAt()).isEqualTo(Instant.parse("2026-03-16T02:20:00Z"));
        assertThat(out.get(0).time()).isEqualTo(Instant.parse("2026-03-04T02:05:00Z"));
    }

    @Test
    void aSessionWithAnOrderRevokesItAndCountingStartsAgain() throws Exception {
        session("2026-03-01T02:00:00Z", "2026-03-01T02:10:00Z", false);
        session("2026-03-02T02:00:00Z", "2026-03-02T02:20:00Z", false);
        session("2026-03-03T02:00:00Z", "2026-03-03T02:05:00Z", false);
        session("2026-03-04T02:00:00Z", "2026-03-04T02:30:00Z", true);
        session("2026-03-05T02:00:00Z", "2026-03-05T02:05:00Z", false);

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 +browser_no_buy=3.0", "u-1 -browser_no_buy");
    }

    @Test
    void aSessionReopenedByALateEventReplacesTheSessionsItMerged() throws Exception {
        session("2026-03-01T02:00:00Z", "2026-03-01T02:10:00Z", false);
        session("2026-03-01T02:50:00Z", "2026-03-01T03:00:00Z", false);
        session("2026-03-02T02:00:00Z", "2026-03-02T02:10:00Z", false);
        // A late order at 02:30 bridged the first two sessions: one session, with an order.
        session("2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z", true);

        assertThat(describe(harness.extractOutputValues()))
                .containsExactly("u-1 +browser_no_buy=3.0", "u-1 -browser_no_buy");
    }

    @Test
    void forgetsSessionsOlderThanTheLookback() throws Exception {
        session("2026-03-01T02:00:00Z", "2026-03-01T02:10:00Z", false);
        session("2026-03-02T02:00:00Z", "2026-03-02T02:10:00Z", false);
        session("2026-03-20T02:00:00Z", "2026-03-20T02:10:00Z", false);

        assertThat(harness.extractOutputValues()).isEmpty();
    }

    @Test
    void sessionsAreWhatTheShopperDidExceptDeliveries() {
        List<Interaction> interactions = new ArrayList<>();
        ToInteraction toInteraction = new ToInteraction();
        Instant now = Instant.parse("2026-03-01T02:00:00Z");
        for (var event : List.of(
                BehaviourEvents.pageView("u-1", "2026-03-01T02:00:00Z"),
                BehaviourEvents.order("u-1", "2026-03-01T02:05:00Z", "sh-pudong", "1", "a:b"),
                BehaviourEvents.event("u-1", now, new OrderDelivered("o-1", now, now)))) {
            toInteraction.flatMap(event, new ListCollector<>(interactions));
        }
        SessionAggregate aggregate = new SessionAggregate();
        SessionStats stats = aggregate.merge(
                aggregate.add(interactions.get(1), aggregate.createAccumulator()),
                aggregate.add(interactions.get(0), aggregate.createAccumulator()));

        assertThat(interactions).extracting(Interaction::order).containsExactly(false, true);
        assertThat(stats)
                .isEqualTo(new SessionStats(
                        2,
                        true,
                        Instant.parse("2026-03-01T02:00:00Z").toEpochMilli(),
                        Instant.parse("2026-03-01T02:05:00Z").toEpochMilli()));
    }

    private void session(String start, String end, boolean ordered) throws Exception {
        long last = Instant.parse(end).toEpochMilli();
        harness.processElement(new Session("u-1", Instant.parse(start).toEpochMilli(), last, 3, ordered), last);
    }
}
