package com.freshloop.events;

import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.CartItemRemoved;
import com.freshloop.events.behaviour.v1.CheckinDone;
import com.freshloop.events.behaviour.v1.CsMessage;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import com.freshloop.events.behaviour.v1.SearchPerformed;
import com.freshloop.events.behaviour.v1.ShareClicked;
import com.freshloop.events.context.v1.HolidayDeclared;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.events.marketing.v1.CampaignAssigned;
import com.freshloop.events.marketing.v1.CouponIssued;
import com.freshloop.events.marketing.v1.CouponRedeemed;
import com.freshloop.events.marketing.v1.CouponRestored;
import com.freshloop.events.marketing.v1.MessageSent;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.membership.v1.PointsDebited;
import com.freshloop.events.membership.v1.TierChanged;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.events.profile.v1.ClusterAssigned;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.events.profile.v1.SegmentChanged;
import com.freshloop.events.recommendation.v1.RecommendationClicked;
import com.freshloop.events.recommendation.v1.RecommendationExposed;
import com.freshloop.events.streams.v1.CartAbandoned;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.events.supply.v1.DeliveryLate;
import com.freshloop.events.supply.v1.RefundIssued;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.events.supply.v1.StockedOut;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type on the wire: its name, schema version, payload record and topic. */
public final class EventCatalog {

    /**
     * One registered event type.
     *
     * @param type wire name, e.g. {@code order.placed}
     * @param version schema version of the payload
     * @param dataClass the payload record
     * @param topic the topic it is published to
     */
    public record Entry(String type, int version, Class<? extends EventData> dataClass, String topic) {}

    private static final List<Entry> ENTRIES = List.of(
            new Entry("page.viewed", 1, PageViewed.class, Topics.BEHAVIOUR),
            new Entry("search.performed", 1, SearchPerformed.class, Topics.BEHAVIOUR),
            new Entry("cart.item_added", 1, CartItemAdded.class, Topics.BEHAVIOUR),
            new Entry("cart.item_removed", 1, CartItemRemoved.class, Topics.BEHAVIOUR),
            new Entry("order.placed", 1, OrderPlaced.class, Topics.BEHAVIOUR),
            new Entry("order.delivered", 1, OrderDelivered.class, Topics.BEHAVIOUR),
            new Entry("review.posted", 1, ReviewPosted.class, Topics.BEHAVIOUR),
            new Entry("cs.message", 1, CsMessage.class, Topics.BEHAVIOUR),
            new Entry("return.requested", 1, ReturnRequested.class, Topics.BEHAVIOUR),
            new Entry("checkin.done", 1, CheckinDone.class, Topics.BEHAVIOUR),
            new Entry("share.clicked", 1, ShareClicked.class, Topics.BEHAVIOUR),
            new Entry("weather.observed", 1, WeatherObserved.class, Topics.CONTEXT),
            new Entry("holiday.declared", 1, HolidayDeclared.class, Topics.CONTEXT),
            new Entry("tag.assigned", 1, TagAssigned.class, Topics.TAGS),
            new Entry("tag.revoked", 1, TagRevoked.class, Topics.TAGS),
            new Entry("cart.abandoned", 1, CartAbandoned.class, Topics.TAGS),
            new Entry("repurchase.due", 1, RepurchaseDue.class, Topics.TAGS),
            new Entry("profile.segment_changed", 1, SegmentChanged.class, Topics.PROFILE),
            new Entry("profile.lifecycle_changed", 1, LifecycleStageChanged.class, Topics.PROFILE),
            new Entry("profile.cluster_assigned", 1, ClusterAssigned.class, Topics.PROFILE),
            new Entry("recommendation.exposed", 1, RecommendationExposed.class, Topics.RECOMMENDATION),
            new Entry("recommendation.clicked", 1, RecommendationClicked.class, Topics.RECOMMENDATION),
            new Entry("coupon.issued", 1, CouponIssued.class, Topics.MARKETING),
            new Entry("coupon.redeemed", 1, CouponRedeemed.class, Topics.MARKETING),
            new Entry("coupon.restored", 1, CouponRestored.class, Topics.MARKETING),
            new Entry("message.sent", 1, MessageSent.class, Topics.MARKETING),
            new Entry("campaign.assigned", 1, CampaignAssigned.class, Topics.MARKETING),
            new Entry("referral.rewarded", 1, ReferralRewarded.class, Topics.MARKETING),
            new Entry("stock.replenished", 1, StockReplenished.class, Topics.SUPPLY),
            new Entry("stock.out", 1, StockedOut.class, Topics.SUPPLY),
            new Entry("delivery.late", 1, DeliveryLate.class, Topics.SUPPLY),
            new Entry("refund.issued", 1, RefundIssued.class, Topics.SUPPLY),
            new Entry("points.credited", 1, PointsCredited.class, Topics.MEMBERSHIP),
            new Entry("points.debited", 1, PointsDebited.class, Topics.MEMBERSHIP),
            new Entry("tier.changed", 1, TierChanged.class, Topics.MEMBERSHIP),
            new Entry("metric.alert_raised", 1, MetricAlertRaised.class, Topics.METRICS));

    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));
    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::dataClass, Function.identity()));

    private EventCatalog() {}

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Optional<Entry> byType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Entry of(Class<?> dataClass) {
        Entry entry = BY_CLASS.get(dataClass);
        if (entry == null) {
            throw new IllegalArgumentException("unregistered event payload " + dataClass.getName());
        }
        return entry;
    }

    /** The event types the shopper app may send to the collector. */
    public static List<Entry> onTopic(String topic) {
        return ENTRIES.stream().filter(e -> e.topic().equals(topic)).toList();
    }
}
