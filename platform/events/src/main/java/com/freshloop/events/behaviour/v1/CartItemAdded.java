package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.math.BigDecimal;
import java.util.List;

/**
 * A shopper put a product in the cart.
 *
 * @param sku product id
 * @param category product category, e.g. {@code dairy}
 * @param quantity units added
 * @param unitPrice price per unit at the time
 */
public record CartItemAdded(String sku, String category, int quantity, BigDecimal unitPrice) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("sku", sku)
                .maxLength("sku", sku, 64)
                .maxLength("category", category, 64)
                .between("quantity", quantity, 1, 999)
                .notNegative("unitPrice", unitPrice)
                .done();
    }
}
