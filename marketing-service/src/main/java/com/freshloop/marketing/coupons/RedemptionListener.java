package com.freshloop.marketing.coupons;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class RedemptionListener {

    private final Redemptions redemptions;

    RedemptionListener(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = "marketing-service.redemptions")
    void on(EventEnvelope<EventData> event) {
        redemptions.apply(event);
    }
}
