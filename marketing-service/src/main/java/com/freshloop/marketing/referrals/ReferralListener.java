package com.freshloop.marketing.referrals;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class ReferralListener {

    private final Referrals referrals;

    ReferralListener(Referrals referrals) {
        this.referrals = referrals;
    }

    @KafkaListener(topics = Topics.BEHAVIOUR, groupId = Referrals.CONSUMER)
    void on(EventEnvelope<EventData> event) {
        referrals.apply(event);
    }
}
