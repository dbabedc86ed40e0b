package com.freshloop.simulator;

import com.freshloop.events.behaviour.v1.BehaviourEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * One event as the app sends it to the collector: {@code {id, type, time, data}} (the subject is the token's).
 *
 * @param id deterministic id, so a re-run is de-duplicated
 * @param type e.g. {@code order.placed}
 * @param time ISO-8601 instant (simulated time)
 * @param data the payload record
 */
public record SimEvent(UUID id, String type, String time, BehaviourEvent data) {

    static SimEvent of(String type, Instant time, BehaviourEvent data, Object... idParts) {
        return new SimEvent(Hashing.uuid(idParts), type, time.toString(), data);
    }

    Instant instant() {
        return Instant.parse(time);
    }
}
