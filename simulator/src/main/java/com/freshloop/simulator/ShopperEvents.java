package com.freshloop.simulator;

import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.CheckinDone;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app sends for one basket: sometimes a daily check-in, a few product page views, one
 * {@code cart.item_added} per distinct item, then {@code order.placed}, and sometimes a review an hour
 * later. Everything is a function of the member and the day, so a re-run produces identical events.
 */
public final class ShopperEvents {

    /** Delivery regions; a member's region is a hash of the member. */
    public static final List<String> REGIONS =
            List.of("sh-pudong", "sh-xuhui", "sh-jingan", "sh-minhang", "hz-xihu", "bj-chaoyang");

    static final double CHECKIN_PROBABILITY = 0.3;
    static final double REVIEW_PROBABILITY = 0.12;
    private static final String[] PAYMENT = {"wechat", "alipay", "card"};

    private record Template(int rating, String text) {}

    private static final List<Template> REVIEWS = List.of(
            new Template(5, "新鲜，配送很快，下次还买"),
            new Template(5, "Fresh and delivered on time, will buy again."),
            new Template(4, "味道不错，包装完好"),
            new Template(4, "Good quality, the %s was fresh."),
            new Template(3, "一般般，%s 有点不新鲜"),
            new Template(2, "配送太慢了，等了两个小时"),
            new Template(2, "The %s arrived bruised, disappointing."),
            new Template(1, "送错了东西，客服也不回复"));

    private ShopperEvents() {}

    public static String region(String userId) {
        return REGIONS.get(Hashing.below(REGIONS.size(), "region", userId));
    }

    public static String orderId(String userId, LocalDate datasetDate) {
        return "sim-" + userId + "-" + datasetDate;
    }

    /** An order line per distinct item, the quantity being how often it is in the basket. */
    public static List<OrderPlaced.Line> lines(List<String> items) {
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.merge(item, 1, Integer::sum));
        List<OrderPlaced.Line> lines = new ArrayList<>();
        quantities.forEach((item, quantity) -> lines.add(new OrderPlaced.Line(
                Catalog.sku(item), item, Catalog.category(item), quantity, Catalog.unitPrice(item))));
        return lines;
    }

    static BigDecimal subtotal(List<OrderPlaced.Line> lines) {
        return lines.stream()
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The events of one replayed basket, in time order. */
    public static List<SimEvent> basket(Basket basket, TimeShift shift) {
        String user = Basket.userId(basket.member());
        LocalDate day = basket.date();
        Instant t = shift.sessionStart(user, day);
        List<SimEvent> events = new ArrayList<>();
        if (Hashing.unit("checkin", user, day) < CHECKIN_PROBABILITY) {
            events.add(SimEvent.of("checkin.done", t, new CheckinDone(TimeShift.ZONE.getId()), user, day, "checkin"));
        }
        List<OrderPlaced.Line> lines = lines(basket.items());
        int views = Math.min(lines.size(), 1 + Hashing.below(3, "views", user, day));
        for (int i = 0; i < views; i++) {
            OrderPlaced.Line line = lines.get(i);
            t = t.plusSeconds(30 + Hashing.below(60, "view-gap", user, day, i));
            events.add(SimEvent.of(
                    "page.viewed", t, new PageViewed("product", line.sku(), line.category()), user, day, "view", i));
        }
        for (int i = 0; i < lines.size(); i++) {
            OrderPlaced.Line line = lines.get(i);
            t = t.plusSeconds(20 + Hashing.below(40, "cart-gap", user, day, i));
            events.add(SimEvent.of(
                    "cart.item_added",
                    t,
                    new CartItemAdded(line.sku(), line.category(), line.quantity(), line.unitPrice()),
                    user,
                    day,
                    "cart",
                    i));
        }
        t = t.plusSeconds(60);
        String orderId = orderId(user, day);
        events.add(
                SimEvent.of("order.placed", t, order(orderId, user, lines, null, BigDecimal.ZERO), user, day, "order"));
        if (Hashing.unit("review", user, day) < REVIEW_PROBABILITY) {
            Template template = REVIEWS.get(Hashing.below(REVIEWS.size(), "review-text", user, day));
            OrderPlaced.Line line = lines.get(0);
            events.add(SimEvent.of(
                    "review.posted",
                    t.plusSeconds(3600),
                    new ReviewPosted(
                            orderId,
                            line.sku(),
                            template.rating(),
                            template.text().formatted(line.name())),
                    user,
                    day,
                    "review"));
        }
        return events;
    }

    static OrderPlaced order(
            String orderId, String user, List<OrderPlaced.Line> lines, String couponId, BigDecimal discount) {
        BigDecimal subtotal = subtotal(lines);
        BigDecimal applied = discount.min(subtotal);
        return new OrderPlaced(
                orderId,
                region(user),
                lines,
                subtotal,
                applied,
                subtotal.subtract(applied),
                PAYMENT[Hashing.below(PAYMENT.length, "payment", user)],
                couponId);
    }
}
