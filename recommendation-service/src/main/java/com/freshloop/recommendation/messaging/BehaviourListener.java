package com.freshloop.recommendation.messaging;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.CartItemRemoved;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.recommendation.experiments.Experiments;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import com.freshloop.recommendation.serving.ShopperEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Orders update the purchase history (idempotent), the experiments' conversions (idempotent) and the
 * shopper's precomputed list; carts and product views update the serving state.
 */
@Component
class BehaviourListener {

    private final PurchaseHistory purchases;
    private final Experiments experiments;
    private final ShopperEvents shoppers;

    BehaviourListener(PurchaseHistory purchases, Experiments experiments, ShopperEvents shoppers) {
        this.purchases = purchases;
        this.experiments = experiments;
        this.shoppers = shoppers;
    }

    @KafkaListener(
            topics = Topics.BEHAVIOUR,
            groupId = "${freshloop.recommendation.consumer-group:recommendation-service}")
    void on(EventEnvelope<EventData> event) {
        String user = event.subject();
        if (user == null) {
            return;
        }
        EventData data = event.data();
        if (data instanceof OrderPlaced order) {
            purchases.apply(event);
            experiments.recordOrder(event.id(), user, order.total(), event.time());
            shoppers.ordered(
                    user,
                    order.lines().stream().map(OrderPlaced.Line::sku).distinct().toList());
        } else if (data instanceof CartItemAdded added) {
            shoppers.addedToCart(user, added.sku());
        } else if (data instanceof CartItemRemoved removed) {
            shoppers.removedFromCart(user, removed.sku());
        } else if (data instanceof PageViewed viewed
                && viewed.sku() != null
                && !viewed.sku().isBlank()) {
            shoppers.viewed(user, viewed.sku());
        }
    }
}
