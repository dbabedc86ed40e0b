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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One fixed, valid example of every event type, the source of the wire snapshots. */
final class EventSamples {

    static final Instant T = Instant.parse("2026-03-01T08:15:30Z");
    static final LocalDate D = LocalDate.parse("2026-03-01");

    static final Map<Class<? extends EventData>, EventData> BY_CLASS = Map.ofEntries(
            sample(new PageViewed("product", "eggs-12", "eggs")),
            sample(new SearchPerformed("organic milk", 14)),
            sample(new CartItemAdded("milk-1l", "dairy", 2, new BigDecimal("12.50"))),
            sample(new CartItemRemoved("milk-1l", 1)),
            sample(new OrderPlaced(
                    "o-1001",
                    "sh-pudong",
                    List.of(
                            new OrderPlaced.Line("eggs-12", "Free-range eggs x12", "eggs", 1, new BigDecimal("18.90")),
                            new OrderPlaced.Line("milk-1l", "Whole milk 1 L", "dairy", 2, new BigDecimal("12.50"))),
                    new BigDecimal("43.90"),
                    new BigDecimal("5.00"),
                    new BigDecimal("38.90"),
                    "wechat",
                    "c-42")),
            sample(new OrderDelivered("o-1001", T.plusSeconds(1740), T.plusSeconds(2100))),
            sample(new ReviewPosted("o-1001", "eggs-12", 2, "配送太慢了，鸡蛋碎了两个")),
            sample(new CsMessage("chat-7", "Where is my order? The rider is 20 minutes late.")),
            sample(new ReturnRequested("o-1001", "eggs-12", 1, "two eggs were broken")),
            sample(new CheckinDone("Asia/Shanghai")),
            sample(new ShareClicked("gb-9f2", "u-17", "wechat")),
            sample(new WeatherObserved("sh-pudong", D, 34.5, "sunny")),
            sample(new HolidayDeclared("*", D, "Spring Festival")),
            sample(new TagAssigned("active_hour:20", 0.42, T.plusSeconds(86_400 * 14), "active-hours")),
            sample(new TagRevoked("cart_abandoned", "cart-abandonment")),
            sample(new CartAbandoned(List.of("milk-1l", "eggs-12"), T)),
            sample(new RepurchaseDue("eggs-12", 6.5, T.minusSeconds(86_400 * 6))),
            sample(new SegmentChanged("Loyal", "At risk", "2-4-4")),
            sample(new LifecycleStageChanged("active", "silent_30d", T.minusSeconds(86_400 * 30))),
            sample(new ClusterAssigned(3, "price-sensitive family", "2026-03-01.1")),
            sample(new RecommendationExposed("home", "exp-rank-1", "B", List.of("milk-1l", "bread-wholewheat"))),
            sample(new RecommendationClicked("milk-1l", "exp-rank-1", "B")),
            sample(new CouponIssued(
                    "c-42", "t-spend50save20", "winback-2026-03", "spend_save", new BigDecimal("20"), T)),
            sample(new CouponRedeemed("c-42", "o-1001", "winback-2026-03", new BigDecimal("20"))),
            sample(new CouponRestored("c-42", "o-1001")),
            sample(new MessageSent("m-5", "app_push", "winback-2026-03", "back_in_stock")),
            sample(new CampaignAssigned("winback-2026-03", "control", "silent_30d")),
            sample(new ReferralRewarded("u-17", 100, "7KQ2M9XA")),
            sample(new StockReplenished("eggs-12", "sh-pudong", 240, 240, true)),
            sample(new StockedOut("eggs-12", "sh-pudong")),
            sample(new DeliveryLate("o-1001", 6, 50)),
            sample(new RefundIssued("r-3", "o-1001", new BigDecimal("3.78"))),
            sample(new PointsCredited(50, "late_delivery", 1250)),
            sample(new PointsDebited(200, "redeem", 1050)),
            sample(new TierChanged("green", "black_gold")),
            sample(new MetricAlertRaised("rule-1", "repurchase_rate_30d", 0.27, 0.30, -0.10)));

    private EventSamples() {}

    static EventEnvelope<EventData> envelope(EventCatalog.Entry entry) {
        EventData data = BY_CLASS.get(entry.dataClass());
        return new EventEnvelope<>(
                UUID.nameUUIDFromBytes(entry.type().getBytes()),
                entry.type(),
                "sample",
                T,
                "u-1",
                entry.version(),
                data);
    }

    private static Map.Entry<Class<? extends EventData>, EventData> sample(EventData data) {
        return Map.entry(data.getClass(), data);
    }
}
