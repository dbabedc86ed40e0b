package com.freshloop.streams.activehours;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.activehours.functions.ActiveHoursFunction;
import com.freshloop.streams.activehours.records.Activity;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ActiveHoursFunctionTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private KeyedOneInputStreamOperatorTestHarness<String, Activity, EventEnvelope<TagAssigned>> harness;

    @BeforeEach
    void openHarness() throws Exception {
        harness = harness(ActiveHoursSettings.defaults(SHANGHAI));
        harness.open();
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void tagsTheHourOfAShoppersFirstEventInTheirTimeZone() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");

        List<EventEnvelope<TagAssigned>> tags = harness.extractOutputValues();
        assertThat(tags).hasSize(1);
        EventEnvelope<TagAssigned> tag = tags.get(0);
        assertThat(tag.data())
                .isEqualTo(
                        new TagAssigned("active_hour:20", 1.0, Instant.parse("2026-03-15T12:05:00Z"), "active-hours"));
        assertThat(tag.type()).isEqualTo("tag.assigned");
        assertThat(tag.source()).isEqualTo("stream-jobs");
        assertThat(tag.subject()).isEqualTo("u-1");
        assertThat(tag.time()).isEqualTo(Instant.parse("2026-03-01T12:05:00Z"));
        assertThat(tag.id()).isEqualTo(ActiveHoursFunction.eventId("u-1", "active_hour:20", "e-1"));
    }

    @Test
    void countsHoursInTheConfiguredTimeZone() throws Exception {
        harness.close();
        harness = harness(ActiveHoursSettings.defaults(ZoneId.of("UTC")));
        harness.open();

        send("u-1", "e-1", "2026-03-01T12:05:00Z");

        assertThat(tagsOf(harness)).containsExactly("active_hour:12");
    }

    @Test
    void staysQuietWhileTheLeadingHourHolds() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");
        send("u-1", "e-2", "2026-03-01T12:40:00Z");
        send("u-1", "e-3", "2026-03-02T01:00:00Z"); // 09:00 in Shanghai: second hour, behind
        send("u-1", "e-4", "2026-03-02T01:30:00Z"); // 09:30: ties with 20:00, the leader stays

        assertThat(tagsOf(harness)).containsExactly("active_hour:20");
    }

    @Test
    void emitsWhenAnotherHourOvertakesTheLeader() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");
        send("u-1", "e-2", "2026-03-02T01:00:00Z");
        send("u-1", "e-3", "2026-03-03T01:10:00Z");

        List<EventEnvelope<TagAssigned>> tags = harness.extractOutputValues();
        assertThat(tags).extracting(tag -> tag.data().tag()).containsExactly("active_hour:20", "active_hour:09");
        assertThat(tags.get(1).data().score()).isEqualTo(0.6667);
        assertThat(tags.get(1).id()).isEqualTo(ActiveHoursFunction.eventId("u-1", "active_hour:09", "e-3"));
    }

    @Test
    void countsOutOfOrderEventsInTheirOwnHourWithoutDatingTheTagBack() throws Exception {
        send("u-1", "e-1", "2026-03-02T12:05:00Z");
        harness.processWatermark(Instant.parse("2026-03-02T12:00:00Z").toEpochMilli());
        // Hours behind the watermark but within the allowed day of lateness.
        send("u-1", "e-2", "2026-03-02T01:00:00Z");
        send("u-1", "e-3", "2026-03-02T01:20:00Z");

        List<EventEnvelope<TagAssigned>> tags = harness.extractOutputValues();
        assertThat(tags).extracting(tag -> tag.data().tag()).containsExactly("active_hour:20", "active_hour:09");
        EventEnvelope<TagAssigned> overtaken = tags.get(1);
        assertThat(overtaken.time()).isEqualTo(Instant.parse("2026-03-02T12:05:00Z"));
        assertThat(overtaken.data().expiresAt()).isEqualTo(Instant.parse("2026-03-16T12:05:00Z"));
    }

    @Test
    void dropsEventsLaterThanTheAllowedLateness() throws Exception {
        send("u-1", "e-1", "2026-03-05T12:05:00Z");
        harness.processWatermark(Instant.parse("2026-03-05T12:00:00Z").toEpochMilli());
        send("u-1", "e-2", "2026-03-03T01:00:00Z");
        send("u-1", "e-3", "2026-03-03T01:10:00Z");
        send("u-1", "e-4", "2026-03-03T01:20:00Z");
        // Had the late events counted, 09:00 would now lead four to one.
        send("u-1", "e-5", "2026-03-05T01:30:00Z");

        assertThat(tagsOf(harness)).containsExactly("active_hour:20");
    }

    @Test
    void renewsTheTagOnceHalfItsLifetimeHasPassed() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");
        send("u-1", "e-2", "2026-03-04T12:05:00Z");
        send("u-1", "e-3", "2026-03-08T12:05:00Z");
        send("u-1", "e-4", "2026-03-09T12:05:00Z");

        List<EventEnvelope<TagAssigned>> tags = harness.extractOutputValues();
        assertThat(tags).extracting(tag -> tag.data().tag()).containsExactly("active_hour:20", "active_hour:20");
        assertThat(tags.get(1).data().expiresAt()).isEqualTo(Instant.parse("2026-03-22T12:05:00Z"));
    }

    @Test
    void keepsShoppersApart() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");
        send("u-2", "e-2", "2026-03-01T00:30:00Z");
        send("u-2", "e-3", "2026-03-01T12:30:00Z");

        List<EventEnvelope<TagAssigned>> tags = harness.extractOutputValues();
        assertThat(tags)
                .extracting(tag -> tag.subject() + "=" + tag.data().tag())
                .containsExactly("u-1=active_hour:20", "u-2=active_hour:08");
    }

    @Test
    void makesTheSameDecisionsWithTheSameIdsWhenReplayedFromACheckpoint() throws Exception {
        send("u-1", "e-1", "2026-03-01T12:05:00Z");
        send("u-1", "e-2", "2026-03-02T01:00:00Z");
        OperatorSubtaskState checkpoint = harness.snapshot(1L, 1L);
        send("u-1", "e-3", "2026-03-03T01:10:00Z");
        EventEnvelope<TagAssigned> beforeFailure = harness.extractOutputValues().get(1);

        var restored = harness(ActiveHoursSettings.defaults(SHANGHAI));
        restored.initializeState(checkpoint);
        restored.open();
        send(restored, "u-1", "e-3", "2026-03-03T01:10:00Z");

        assertThat(restored.extractOutputValues()).containsExactly(beforeFailure);
        restored.close();
    }

    @Test
    void forgetsAShopperAfterTheStateTtl() throws Exception {
        harness.close();
        harness = harness(ActiveHoursSettings.defaults(SHANGHAI));
        harness.setStateTtlProcessingTime(0);
        harness.open();
        send("u-1", "e-1", "2026-03-01T12:05:00Z");

        harness.setStateTtlProcessingTime(Duration.ofDays(31).toMillis());
        send("u-1", "e-2", "2026-04-01T01:00:00Z");

        assertThat(tagsOf(harness)).containsExactly("active_hour:20", "active_hour:09");
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Activity, EventEnvelope<TagAssigned>> harness(
            ActiveHoursSettings settings) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ActiveHoursFunction(settings)), Activity::userId, Types.STRING);
    }

    private void send(String user, String eventId, String time) throws Exception {
        send(harness, user, eventId, time);
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, Activity, EventEnvelope<TagAssigned>> harness,
            String user,
            String eventId,
            String time)
            throws Exception {
        long eventTime = Instant.parse(time).toEpochMilli();
        harness.processElement(new Activity(user, eventId, eventTime), eventTime);
    }

    private static List<String> tagsOf(
            KeyedOneInputStreamOperatorTestHarness<String, Activity, EventEnvelope<TagAssigned>> harness) {
        return harness.extractOutputValues().stream()
                .map(tag -> tag.data().tag())
                .toList();
    }
}
