package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.time.Instant;
import java.util.List;

/**
 * An order reached the shopper.
 *
 * @param orderId order id
 * @param promisedAt the delivery time promised at checkout
 * @param deliveredAt when it actually arrived
 */
public record OrderDelivered(String orderId, Instant promisedAt, Instant deliveredAt) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("orderId", orderId)
                .notNull("promisedAt", promisedAt)
                .notNull("deliveredAt", deliveredAt)
                .done();
    }
}
