package com.freshloop.supply.fulfilment;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class FulfilmentEventsListener {

    private final Fulfilment fulfilment;

    FulfilmentEventsListener(Fulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "supply-service-fulfilment")
    void on(EventEnvelope<EventData> event) {
        fulfilment.apply(event);
    }
}
