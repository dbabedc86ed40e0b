package com.freshloop.recommendation.messaging;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.recommendation.serving.ShopperEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** The latest weather per region, for weather scenario rules. */
@Component
class ContextListener {

    private final ShopperEvents shoppers;

    ContextListener(ShopperEvents shoppers) {
        this.shoppers = shoppers;
    }

    @KafkaListener(
            topics = Topics.CONTEXT,
            groupId = "${freshloop.recommendation.consumer-group:recommendation-service}")
    void on(EventEnvelope<EventData> event) {
        if (event.data() instanceof WeatherObserved weather) {
            shoppers.weather(
                    weather.region(),
                    weather.temperatureC(),
                    weather.condition(),
                    weather.date().toString());
        }
    }
}
