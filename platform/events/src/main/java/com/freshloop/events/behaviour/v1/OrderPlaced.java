package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A shopper placed an order.
 *
 * @param orderId order id
 * @param region delivery region, e.g. {@code sh-pudong}
 * @param lines what was bought
 * @param subtotal sum of the lines before discounts
 * @param discount total discount, including any coupon
 * @param total amount paid
 * @param paymentMethod e.g. {@code wechat}, {@code alipay}, {@code card}
 * @param couponId the coupon used, if any
 */
public record OrderPlaced(
        String orderId,
        String region,
        List<Line> lines,
        BigDecimal subtotal,
        BigDecimal discount,
        BigDecimal total,
        String paymentMethod,
        String couponId)
        implements BehaviourEvent {

    /**
     * One order line.
     *
     * @param sku product id
     * @param name product name as shown
     * @param category product category
     * @param quantity units
     * @param unitPrice price per unit
     */
    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice) {
        List<Violation> violations() {
            return Checks.start()
                    .notBlank("sku", sku)
                    .maxLength("sku", sku, 64)
                    .maxLength("name", name, 200)
                    .maxLength("category", category, 64)
                    .between("quantity", quantity, 1, 999)
                    .notNegative("unitPrice", unitPrice)
                    .done();
        }
    }

    @Override
    public List<Violation> violations() {
        Checks checks = Checks.start()
                .notBlank("orderId", orderId)
                .maxLength("orderId", orderId, 64)
                .notBlank("region", region)
                .maxLength("region", region, 64)
                .notEmpty("lines", lines)
                .notNegative("subtotal", subtotal)
                .notNegative("discount", discount)
                .notNegative("total", total)
                .maxLength("paymentMethod", paymentMethod, 32)
                .maxLength("couponId", couponId, 64);
        if (lines != null) {
            checks.that(lines.size() <= 200, "lines", "must have at most 200 lines");
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line == null) {
                    checks.that(false, "lines[" + i + "]", "must not be null");
                } else {
                    checks.nested("lines[" + i + "]", line.violations());
                }
            }
        }
        return checks.done();
    }
}
