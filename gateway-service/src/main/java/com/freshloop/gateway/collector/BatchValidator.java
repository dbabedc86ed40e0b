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

    static final String SOURCE = "app";

    private final int maxBatchSize;
    private final EventCodec codec = EventCodec.json();

    BatchValidator(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** Either the events or the violations, never both. */
    record Result(List<EventEnvelope<EventData>> events, List<Violation> violations) {}

    Result validate(JsonNode body, String userId) {
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
            JsonNode subject = item.get("subject");
            if (subject != null && !subject.isNull() && !userId.equals(subject.asString())) {
                violations.add(new Violation(path + ".subject", "must be the caller's own user id or absent"));
                continue;
            }
            ObjectNode owned = ((ObjectNode) item).deepCopy();
            owned.put("subject", userId);
            owned.put("source", SOURCE);
            EventCodec.Decoded decoded = codec.validate(owned, path);
            if (!decoded.valid()) {
                violations.addAll(decoded.violations());
                continue;
            }
            EventEnvelope<EventData> event = decoded.event();
            boolean behaviour = EventCatalog.byType(event.type())
                    .map(e -> e.topic().equals(Topics.BEHAVIOUR))
                    .orElse(false);
            if (!behaviour) {
                violations.add(new Violation(path + ".type", "is not a behaviour event the app may send"));
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
