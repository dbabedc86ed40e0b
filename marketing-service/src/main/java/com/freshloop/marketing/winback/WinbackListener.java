package com.freshloop.marketing.winback;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class WinbackListener {

    private final Winback winback;

    WinbackListener(Winback winback) {
        this.winback = winback;
    }

    @KafkaListener(topics = Topics.PROFILE, groupId = "marketing-service.winback.profile")
    void onProfile(EventEnvelope<EventData> event) {
        winback.apply(event);
    }

    @KafkaListener(topics = Topics.SUPPLY, groupId = "marketing-service.winback.supply")
    void onSupply(EventEnvelope<EventData> event) {
        winback.apply(event);
    }
}
