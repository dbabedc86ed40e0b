package com.freshloop.metrics;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.marketing.v1.CampaignAssigned;
import com.freshloop.events.marketing.v1.CouponIssued;
import com.freshloop.events.marketing.v1.CouponRedeemed;
import com.freshloop.events.marketing.v1.MessageSent;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.profile.v1.ClusterAssigned;
import com.freshloop.events.profile.v1.SegmentChanged;
import com.freshloop.events.recommendation.v1.RecommendationClicked;
import com.freshloop.events.recommendation.v1.RecommendationExposed;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.events.supply.v1.StockedOut;
import com.freshloop.metrics.eventstore.EventStore;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Events for metric tests, stored through the service's own {@link EventStore}. Types the event
 * catalog does not have yet ({@code message.opened}, {@code
 * stock.spoiled}, {@code demand.forecasted}) are stored as the store keeps any unknown event: with
 * their raw data.
 */
public final class Fixtures {

    private final List<EventEnvelope<? extends EventData>> events = new ArrayList<>();

    public static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }

    /** Adds the event and returns it (e.g. to add it again as a redelivery). */
    public <T extends EventData> EventEnvelope<T> add(EventEnvelope<T> event) {
        events.add(event);
        return event;
    }

    public void storeIn(EventStore store) {
        store.store(events);
        events.clear();
    }

    public EventEnvelope<OrderPlaced> order(String user, String at, double total, String region) {
        return order(user, at, total, region, List.of(line("egg", 1)));
    }

    public EventEnvelope<OrderPlaced> order(
            String user, String at, double total, String region, List<OrderPlaced.Line> lines) {
        BigDecimal amount = BigDecimal.valueOf(total);
        return add(EventEnvelope.of(
                "gateway-service",
                user,
                at(at),
                new OrderPlaced(
                        "order-" + UUID.randomUUID(), region, lines, amount, BigDecimal.ZERO, amount, "wechat", null)));
    }

    public static OrderPlaced.Line line(String sku, int quantity) {
        return new OrderPlaced.Line(sku, "Fresh \"" + sku + "\" 500 g", "fresh", quantity, BigDecimal.valueOf(4.5));
    }

    public EventEnvelope<SegmentChanged> segment(String user, String at, String segment) {
        return add(EventEnvelope.of("profile-service", user, at(at), new SegmentChanged(null, segment, "3-3-3")));
    }

    public EventEnvelope<ClusterAssigned> cluster(String user, String at, int cluster, String name) {
        return add(EventEnvelope.of("profile-service", user, at(at), new ClusterAssigned(cluster, name, "v1")));
    }

    public EventEnvelope<CouponIssued> couponIssued(
            String user, String at, String couponId, String campaignId, String kind) {
        return add(EventEnvelope.of(
                "marketing-service",
                user,
                at(at),
                new CouponIssued(
                        couponId, "template-1", campaignId, kind, BigDecimal.TEN, at(at).plusSeconds(30 * 86_400))));
    }

    public EventEnvelope<CouponRedeemed> couponRedeemed(String user, String at, String couponId, String campaignId) {
        return couponRedeemed(user, at, couponId, campaignId, "order-" + UUID.randomUUID());
    }

    public EventEnvelope<CouponRedeemed> couponRedeemed(
            String user, String at, String couponId, String campaignId, String orderId) {
        return add(EventEnvelope.of(
                "marketing-service", user, at(at), new CouponRedeemed(couponId, orderId, campaignId, BigDecimal.TEN)));
    }

    public EventEnvelope<MessageSent> messageSent(
            String user, String at, String messageId, String channel, String campaignId) {
        return add(EventEnvelope.of(
                "marketing-service", user, at(at), new MessageSent(messageId, channel, campaignId, "winback")));
    }

    public EventEnvelope<EventData> messageOpened(String user, String at, String messageId) {
        return raw("message.opened", "gateway-service", user, at, "{\"messageId\":\"" + messageId + "\"}");
    }

    public EventEnvelope<CampaignAssigned> campaignAssigned(String user, String at, String campaignId, String arm) {
        return add(EventEnvelope.of(
                "marketing-service", user, at(at), new CampaignAssigned(campaignId, arm, "campaign_run")));
    }

    public EventEnvelope<RecommendationExposed> exposed(String user, String at, String experiment, String variant) {
        return add(EventEnvelope.of(
                "recommendation-service",
                user,
                at(at),
                new RecommendationExposed("home", experiment, variant, List.of("egg", "milk"))));
    }

    public EventEnvelope<RecommendationClicked> clicked(String user, String at, String experiment, String variant) {
        return add(EventEnvelope.of(
                "recommendation-service", user, at(at), new RecommendationClicked("egg", experiment, variant)));
    }

    public EventEnvelope<PointsCredited> pointsCredited(String user, String at, String reason) {
        return add(EventEnvelope.of("membership-service", user, at(at), new PointsCredited(10, reason, 100)));
    }

    public EventEnvelope<TagAssigned> tag(String user, String at, String tag) {
        return add(EventEnvelope.of(
                "profile-service", user, at(at), new TagAssigned(tag, 0.9, at(at).plusSeconds(86_400), "text")));
    }

    public EventEnvelope<StockedOut> stockOut(String sku, String region, String at) {
        return add(EventEnvelope.of("supply-service", sku + ":" + region, at(at), new StockedOut(sku, region)));
    }

    public EventEnvelope<StockReplenished> replenished(String sku, String region, String at, int quantity) {
        return add(EventEnvelope.of(
                "supply-service",
                sku + ":" + region,
                at(at),
                new StockReplenished(sku, region, quantity, quantity, true)));
    }

    public EventEnvelope<EventData> spoiled(String sku, String region, String at, int quantity) {
        return raw(
                "stock.spoiled",
                "supply-service",
                sku + ":" + region,
                at,
                "{\"sku\":\"" + sku + "\",\"region\":\"" + region + "\",\"quantity\":" + quantity
                        + ",\"reason\":\"expired\"}");
    }

    public EventEnvelope<EventData> forecast(String sku, String region, String day, double quantity, String at) {
        return raw(
                "demand.forecasted",
                "supply-service",
                sku + ":" + region,
                at,
                "{\"sku\":\"" + sku + "\",\"region\":\"" + region + "\",\"date\":\"" + day + "\",\"quantity\":"
                        + quantity + ",\"model\":\"ets\"}");
    }

    public EventEnvelope<EventData> raw(String type, String source, String subject, String at, String json) {
        return add(new EventEnvelope<>(UUID.randomUUID(), type, source, at(at), subject, 1, new Unrecognised(json)));
    }
}
