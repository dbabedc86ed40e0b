package com.freshloop.marketing.strategy;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class StrategyListener {

    private final Strategy strategy;

    StrategyListener(Strategy strategy) {
        this.strategy = strategy;
    }

    @KafkaListener(topics = Topics.METRICS, groupId = "marketing-service.strategy")
    void on(EventEnvelope<EventData> event) {
        strategy.apply(event);
    }
}
