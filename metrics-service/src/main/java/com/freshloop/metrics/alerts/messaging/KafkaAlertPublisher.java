package com.freshloop.metrics.alerts.messaging;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.metrics.alerts.AlertPublisher;
import com.freshloop.metrics.alerts.RaisedAlert;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends the alert keyed by rule id (the event's subject) and waits for the broker's
 * acknowledgement, so the caller records "published" only for alerts Kafka has.
 */
@Component
class KafkaAlertPublisher implements AlertPublisher {

    private static final long TIMEOUT_SECONDS = 30;

    private final KafkaTemplate<String, Object> kafka;

    KafkaAlertPublisher(KafkaTemplate<String, Object> kafka) {
        this.kafka = kafka;
    }

    @Override
    public void publish(RaisedAlert alert) {
        EventCatalog.Entry entry = EventCatalog.of(MetricAlertRaised.class);
        EventEnvelope<MetricAlertRaised> event = new EventEnvelope<>(
                alert.eventId(),
                entry.type(),
                "metrics-service",
                alert.raisedAt(),
                alert.ruleId(),
                entry.version(),
                new MetricAlertRaised(
                        alert.ruleId(), alert.metric().param(), alert.value(), alert.baseline(), alert.changeRatio()));
        try {
            kafka.send(event.topic(), event.subject(), event).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alert " + alert.eventId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish alert " + alert.eventId(), e);
        }
    }
}
