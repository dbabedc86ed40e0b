package com.freshloop.supply.returns;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ReturnsEventsListener {

    private final Returns returns;

    ReturnsEventsListener(Returns returns) {
        this.returns = returns;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "supply-service-returns")
    void on(EventEnvelope<EventData> event) {
        returns.apply(event);
    }
}
