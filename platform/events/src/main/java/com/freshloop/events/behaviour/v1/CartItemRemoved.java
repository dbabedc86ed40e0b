package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper took a product out of the cart.
 *
 * @param sku product id
 * @param quantity units removed
 */
public record CartItemRemoved(String sku, int quantity) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("sku", sku)
                .maxLength("sku", sku, 64)
                .between("quantity", quantity, 1, 999)
                .done();
    }
}
