package com.freshloop.profile.profiles;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class BehaviourListener {

    private final Profiles profiles;

    BehaviourListener(Profiles profiles) {
        this.profiles = profiles;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "profile-service")
    void on(EventEnvelope<EventData> event) {
        profiles.apply(event);
    }
}
