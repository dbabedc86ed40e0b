package com.freshloop.supply.context;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Weather and holidays per region. A consumer group of its own; an event it cannot store goes to the
 * context topic's dead-letter topic (platform/starter) and the consumer moves on.
 */
@Component
class ContextEventsListener {

    private final RegionContext context;

    ContextEventsListener(RegionContext context) {
        this.context = context;
    }

    @KafkaListener(topics = Topics.CONTEXT, groupId = "supply-service-context")
    void on(EventEnvelope<EventData> event) {
        context.apply(event);
    }
}
