package com.freshloop.recommendation.messaging;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.recommendation.v1.RecommendationClicked;
import com.freshloop.recommendation.experiments.Experiments;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Clicks on recommendations, for the experiments' click-through (exposures are our own events). */
@Component
class RecommendationEventsListener {

    private final Experiments experiments;

    RecommendationEventsListener(Experiments experiments) {
        this.experiments = experiments;
    }

    @KafkaListener(
            topics = Topics.RECOMMENDATION,
            groupId = "${freshloop.recommendation.consumer-group:recommendation-service}")
    void on(EventEnvelope<EventData> event) {
        if (event.data() instanceof RecommendationClicked clicked && event.subject() != null) {
            experiments.recordClick(event.id(), event.subject(), clicked.experiment());
        }
    }
}
