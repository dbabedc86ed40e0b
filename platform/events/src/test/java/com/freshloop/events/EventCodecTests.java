package com.freshloop.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventCodecTests {

    private final EventCodec codec = EventCodec.json();

    @Test
    void roundTripsAnEnvelope() {
        var event = EventEnvelope.of(
                "test",
                "u-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                new CartItemAdded("milk", "dairy", 1, BigDecimal.TEN));
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
        assertThat(event.type()).isEqualTo("cart.item_added");
        assertThat(event.topic()).isEqualTo(Topics.BEHAVIOUR);
    }

    @Test
    void ignoresUnknownFieldsAsATolerantReader() {
        String json = """
                {"id":"6f1c2d52-8b7e-4c1e-9a43-1d2b3c4d5e6f","type":"cart.item_removed","source":"app",
                 "time":"2026-01-01T00:00:00Z","subject":"u-1","version":1,"future":"x",
                 "data":{"sku":"milk","quantity":1,"addedLater":true}}""";
        assertThat(codec.decode(json).data())
                .isEqualTo(new com.freshloop.events.behaviour.v1.CartItemRemoved("milk", 1));
    }

    @Test
    void decodesUnknownTypesAsUnrecognised() {
        String json = """
                {"id":"6f1c2d52-8b7e-4c1e-9a43-1d2b3c4d5e6f","type":"wishlist.added","source":"app",
                 "time":"2026-01-01T00:00:00Z","version":1,"data":{"sku":"milk"}}""";
        assertThat(codec.decode(json).data()).isInstanceOf(Unrecognised.class);
    }

    @Test
    void rejectsBytesThatAreNotAnEvent() {
        assertThatThrownBy(() -> codec.decode("not json")).isInstanceOf(EventDecodingException.class);
        assertThatThrownBy(() -> codec.decode("{\"type\":\"page.viewed\"}")).isInstanceOf(EventDecodingException.class);
    }

    @Test
    void validationNamesTheBadFieldOfANestedLine() {
        JsonNode node = codec.mapper().readTree("""
                {"id":"6f1c2d52-8b7e-4c1e-9a43-1d2b3c4d5e6f","type":"order.placed","source":"app",
                 "time":"2026-01-01T00:00:00Z","subject":"u-1","version":1,
                 "data":{"orderId":"o1","region":"r","subtotal":1,"discount":0,"total":1,
                         "lines":[{"sku":"a","quantity":1,"unitPrice":1},{"sku":"","quantity":0,"unitPrice":1}]}}""");
        var decoded = codec.validate(node, "events[4]");
        assertThat(decoded.valid()).isFalse();
        assertThat(decoded.violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("events[4].data.lines[1].sku", "events[4].data.lines[1].quantity");
    }

    @Test
    void validationNamesAFieldOfTheWrongType() {
        JsonNode node = codec.mapper().readTree("""
                {"id":"6f1c2d52-8b7e-4c1e-9a43-1d2b3c4d5e6f","type":"cart.item_added","source":"app",
                 "time":"2026-01-01T00:00:00Z","subject":"u-1","data":{"sku":"a","quantity":"many","unitPrice":1}}""");
        assertThat(codec.validate(node, "events[0]").violations())
                .extracting(Violation::field)
                .containsExactly("events[0].data.quantity");
    }

    @Test
    void validationRejectsUnknownTypesAndBadEnvelopeFields() {
        JsonNode node = codec.mapper().readTree("""
                {"id":"nope","type":"","time":"yesterday","data":{}}""");
        assertThat(codec.validate(node, "events[0]").violations())
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("events[0].id", "events[0].type", "events[0].source", "events[0].time");
        JsonNode unknown = codec.mapper().readTree("""
                {"id":"6f1c2d52-8b7e-4c1e-9a43-1d2b3c4d5e6f","type":"x.y","source":"app",
                 "time":"2026-01-01T00:00:00Z","data":{}}""");
        assertThat(codec.validate(unknown, "").violations())
                .extracting(Violation::field)
                .containsExactly("type");
    }

    @Test
    void everySampleIsValid() {
        EventSamples.BY_CLASS
                .values()
                .forEach(data ->
                        assertThat(data.violations()).as(data.toString()).isEmpty());
    }

    @Test
    void orderWithoutLinesIsInvalid() {
        var order = new OrderPlaced(
                "o", "r", java.util.List.of(), BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE, null, null);
        assertThat(order.violations()).extracting(Violation::field).containsExactly("lines");
    }

    @Test
    void aReferralRewardNeedsPointsTheReferredUserAndTheCode() {
        assertThat(new ReferralRewarded("", 0, null).violations())
                .extracting(Violation::field)
                .containsExactly("referredUserId", "points", "code");
        var event = EventEnvelope.of(
                "marketing-service",
                "u-1",
                Instant.parse("2026-01-01T00:00:00Z"),
                new ReferralRewarded("u-2", 100, "C0DE"));
        assertThat(event.type()).isEqualTo("referral.rewarded");
        assertThat(event.topic()).isEqualTo(Topics.MARKETING);
        assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
    }
}
