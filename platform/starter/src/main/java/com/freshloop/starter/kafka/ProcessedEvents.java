package com.freshloop.starter.kafka;

import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Idempotent consumers: remembers which event ids a consumer has handled, in the consumer's own
 * database and in the same transaction as its writes, so a redelivered event changes nothing.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the delivery; true the first time this consumer sees the event id, false afterwards.
     * Must run inside the transaction that applies the event's effects.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = jdbc.update(
                "insert into processed_event (consumer, event_id) values (?, ?) on conflict do nothing",
                consumer,
                eventId);
        return inserted == 1;
    }
}
