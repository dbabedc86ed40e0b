package com.freshloop.starter.outbox;

import com.freshloop.events.EventEnvelope;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox. An event published here is stored by Spring Modulith's event
 * publication registry in the same database transaction as the state change it describes, sent to
 * its topic (keyed by its subject) after the commit, and re-sent after a crash until the broker
 * acknowledges it. A rolled-back transaction publishes nothing.
 */
public class EventOutbox {

    private final ApplicationEventPublisher publisher;

    public EventOutbox(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(EventEnvelope<?> event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("EventOutbox.publish must run inside the transaction of the write");
        }
        publisher.publishEvent(event);
    }
}
