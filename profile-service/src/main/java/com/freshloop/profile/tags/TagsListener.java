package com.freshloop.profile.tags;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class TagsListener {

    private final Tags tags;

    TagsListener(Tags tags) {
        this.tags = tags;
    }

    @KafkaListener(topics = Topics.TAGS, groupId = "profile-service")
    void on(EventEnvelope<EventData> event) {
        tags.apply(event);
    }
}
