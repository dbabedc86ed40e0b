package com.freshloop.membership.member;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class BehaviourEventsListener {

    private final Memberships memberships;

    BehaviourEventsListener(Memberships memberships) {
        this.memberships = memberships;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "membership-service")
    void on(EventEnvelope<EventData> event) {
        memberships.apply(event);
    }
}
