package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper reviewed an order or a product.
 *
 * @param orderId the order reviewed
 * @param sku the product reviewed, if the review is about one product
 * @param rating 1 to 5 stars
 * @param text the review text (Chinese or English)
 */
public record ReviewPosted(String orderId, String sku, int rating, String text) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("orderId", orderId)
                .maxLength("sku", sku, 64)
                .between("rating", rating, 1, 5)
                .notBlank("text", text)
                .done();
    }
}
