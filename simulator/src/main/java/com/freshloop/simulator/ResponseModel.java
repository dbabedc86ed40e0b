package com.freshloop.simulator;

import com.freshloop.events.behaviour.v1.OrderPlaced;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a silent shopper responds during the campaign weeks (SIMULATED; the numbers are assumptions, not
 * measurements):
 *
 * <ul>
 *   <li>A shopper who has not come back orders in a given week with probability {@code 1 - (1 - p30)^(7/30)},
 *       where {@code p30} is the 30-day probability: {@link #pTreat30} (default 0.30) when the shopper holds an
 *       unused spend-and-save coupon found through {@code GET /api/v1/marketing/me/coupons}, else
 *       {@link #pBase30} (default 0.12, the natural return of a silent shopper).
 *   <li>A shopper who came back orders again each following week with probability {@link #pReturnWeekly}
 *       (default 0.35).
 *   <li>An order holds the shopper's usual items (their three most bought); with a coupon the shopper tops
 *       the basket up with their usual items until it meets the coupon's threshold and uses the coupon (the
 *       discount is the coupon's value).
 *   <li>Every draw is a hash of (user, week, purpose), so the same inputs always give the same outcome.
 * </ul>
 *
 * @param pBase30 30-day order probability without a coupon
 * @param pTreat30 30-day order probability with an unused coupon
 * @param pReturnWeekly weekly order probability once the shopper has returned
 */
public record ResponseModel(double pBase30, double pTreat30, double pReturnWeekly) {

    public static final ResponseModel DEFAULT = new ResponseModel(0.12, 0.30, 0.35);

    static double weekly(double p30) {
        return 1 - Math.pow(1 - p30, 7.0 / 30.0);
    }

    /** Whether the user orders in this week. */
    public boolean orders(String userId, int week, boolean holdsCoupon, boolean returned) {
        double p = returned ? pReturnWeekly : weekly(holdsCoupon ? pTreat30 : pBase30);
        return Hashing.unit("respond", userId, week) < p;
    }

    /** The day of the week (0-6) the order is placed on. */
    public int dayOfWeek(String userId, int week) {
        return Hashing.below(7, "respond-day", userId, week);
    }

    /**
     * The order's items: the usual ones, and with a threshold, repeated until the subtotal reaches it (at most
     * 60 units).
     */
    public static List<OrderPlaced.Line> basket(List<String> usualItems, BigDecimal threshold) {
        List<String> items = new ArrayList<>(usualItems);
        if (threshold != null && !usualItems.isEmpty()) {
            int i = 0;
            while (ShopperEvents.subtotal(ShopperEvents.lines(items)).compareTo(threshold) < 0 && items.size() < 60) {
                items.add(usualItems.get(i++ % usualItems.size()));
            }
        }
        return ShopperEvents.lines(items);
    }
}
