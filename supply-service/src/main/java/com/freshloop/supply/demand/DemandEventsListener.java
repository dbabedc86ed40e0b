package com.freshloop.supply.demand;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A consumer group of its own, so demand history and stock levels are independent: a failure in one
 * retries only that one.
 */
@Component
class DemandEventsListener {

    private final Demand demand;

    DemandEventsListener(Demand demand) {
        this.demand = demand;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "supply-service-demand")
    void on(EventEnvelope<EventData> event) {
        demand.apply(event);
    }
}
