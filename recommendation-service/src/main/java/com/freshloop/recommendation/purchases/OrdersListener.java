package com.freshloop.recommendation.purchases;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrdersListener {

    private final PurchaseHistory history;

    OrdersListener(PurchaseHistory history) {
        this.history = history;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "recommendation-service")
    void on(EventEnvelope<EventData> event) {
        history.apply(event);
    }
}
