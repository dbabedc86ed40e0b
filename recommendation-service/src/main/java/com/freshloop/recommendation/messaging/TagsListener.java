package com.freshloop.recommendation.messaging;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.recommendation.serving.ShopperEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Items the stream jobs found due again, for the repurchase reminder of regular shoppers. */
@Component
class TagsListener {

    private final ShopperEvents shoppers;

    TagsListener(ShopperEvents shoppers) {
        this.shoppers = shoppers;
    }

    @KafkaListener(topics = Topics.TAGS, groupId = "${freshloop.recommendation.consumer-group:recommendation-service}")
    void on(EventEnvelope<EventData> event) {
        if (event.data() instanceof RepurchaseDue due && event.subject() != null) {
            shoppers.due(event.subject(), due.sku(), due.cycleDays());
        }
    }
}
