package com.freshloop.marketing.audience;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** One consumer group per topic and feature, so no feature sees only a share of a topic's partitions. */
@Component
class AudienceListener {

    private final Audience audience;

    AudienceListener(Audience audience) {
        this.audience = audience;
    }

    @KafkaListener(topics = Topics.PROFILE, groupId = "marketing-service.audience.profile")
    void onProfile(EventEnvelope<EventData> event) {
        audience.apply(event);
    }

    @KafkaListener(topics = Topics.TAGS, groupId = "marketing-service.audience.tags")
    void onTags(EventEnvelope<EventData> event) {
        audience.apply(event);
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "marketing-service.audience.behaviour")
    void onBehaviour(EventEnvelope<EventData> event) {
        audience.apply(event);
    }
}
