package com.freshloop.gateway.collector;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventCodec;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.Violation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a batch from the app into behaviour events of the caller, or names every rule it breaks.
 * The batch is all or nothing: one bad event rejects the batch, so the app can fix and resend it.
 */
final class BatchValidator {

    static final String APP = "app";

    private final int maxBatchSize;
    private final String topic;
    private final String source;
    private final EventCodec codec = EventCodec.json();

    /**
     * @param maxBatchSize most events per batch
     * @param topic the only topic whose event types are accepted
     * @param source the envelope source stamped on every accepted event
     */
    BatchValidator(int maxBatchSize, String topic, String source) {
        this.maxBatchSize = maxBatchSize;
        this.topic = topic;
        this.source = source;
    }

    /** Behaviour events of the calling shopper. */
    static BatchValidator behaviour(int maxBatchSize) {
        return new BatchValidator(maxBatchSize, Topics.BEHAVIOUR, APP);
    }

    /** Either the events or the violations, never both. */
    record Result(List<EventEnvelope<EventData>> events, List<Violation> violations) {}

    /**
     * @param subject the subject every event must have (the caller), or null when each event's
     *     subject is taken from its payload's {@code region} (context feeds)
     */
    Result validate(JsonNode body, String subject) {
        if (body == null || !body.isObject()) {
            return invalid(new Violation("$", "must be a JSON object with an events array"));
        }
        JsonNode events = body.get("events");
        if (events == null || !events.isArray()) {
            return invalid(new Violation("events", "must be an array"));
        }
        if (events.isEmpty()) {
            return invalid(new Violation("events", "must not be empty"));
        }
        if (events.size() > maxBatchSize) {
            return invalid(new Violation("events", "must have at most " + maxBatchSize + " events"));
        }
        List<EventEnvelope<EventData>> accepted = new ArrayList<>(events.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String path = "events[" + i + "]";
            JsonNode item = events.get(i);
            if (!item.isObject()) {
                violations.add(new Violation(path, "must be a JSON object"));
                continue;
            }
            ObjectNode owned = ((ObjectNode) item).deepCopy();
            if (subject != null) {
                JsonNode given = item.get("subject");
                if (given != null && !given.isNull() && !subject.equals(given.asString())) {
                    violations.add(new Violation(path + ".subject", "must be the caller's own user id or absent"));
                    continue;
                }
                owned.put("subject", subject);
            } else {
                JsonNode region = item.path("data").get("region");
                if (region != null && region.isString()) {
                    owned.put("subject", region.asString());
                }
            }
            owned.put("source", source);
            EventCodec.Decoded decoded = codec.validate(owned, path);
            if (!decoded.valid()) {
                violations.addAll(decoded.violations());
                continue;
            }
            EventEnvelope<EventData> event = decoded.event();
            boolean allowed = EventCatalog.byType(event.type())
                    .map(e -> e.topic().equals(topic))
                    .orElse(false);
            if (!allowed) {
                violations.add(new Violation(path + ".type", "is not an event type accepted here (" + topic + ")"));
                continue;
            }
            accepted.add(event);
        }
        return violations.isEmpty() ? new Result(List.copyOf(accepted), List.of()) : new Result(List.of(), violations);
    }

    private static Result invalid(Violation violation) {
        return new Result(List.of(), List.of(violation));
    }
}
