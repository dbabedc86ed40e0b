package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper asked to return an item.
 *
 * @param orderId the order
 * @param sku the product
 * @param quantity units
 * @param reason free text, analysed by profile-service
 */
public record ReturnRequested(String orderId, String sku, int quantity, String reason) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("orderId", orderId)
                .notBlank("sku", sku)
                .between("quantity", quantity, 1, 999)
                .notBlank("reason", reason)
                .done();
    }
}
