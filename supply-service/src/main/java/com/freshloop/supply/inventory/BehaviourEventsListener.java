package com.freshloop.supply.inventory;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class BehaviourEventsListener {

    private final Inventory inventory;

    BehaviourEventsListener(Inventory inventory) {
        this.inventory = inventory;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "supply-service")
    void on(EventEnvelope<EventData> event) {
        inventory.apply(event);
    }
}
