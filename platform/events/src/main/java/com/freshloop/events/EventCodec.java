package com.freshloop.events;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON on the wire for every {@link EventEnvelope}: one codec shared by the services, the gateway's
 * collector and the Flink jobs. Readers are tolerant: unknown fields are ignored and unknown event
 * types decode to {@link Unrecognised}.
 */
public final class EventCodec {

    private static final EventCodec INSTANCE = new EventCodec();

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** The shared, thread-safe codec. */
    public static EventCodec json() {
        return INSTANCE;
    }

    /** The outcome of decoding one untrusted event: either an event or the rules it broke. */
    public record Decoded(EventEnvelope<EventData> event, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] encode(EventEnvelope<?> event) {
        return mapper.writeValueAsBytes(toTree(event));
    }

    public String encodeToString(EventEnvelope<?> event) {
        return mapper.writeValueAsString(toTree(event));
    }

    public ObjectNode toTree(EventEnvelope<?> event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", event.id().toString());
        node.put("type", event.type());
        node.put("source", event.source());
        node.put("time", event.time().toString());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("version", event.version());
        node.set("data", mapper.valueToTree(event.data()));
        return node;
    }

    /**
     * Decodes a trusted event, e.g. one read from a topic.
     *
     * @throws EventDecodingException if the bytes are not a well-formed event
     */
    public EventEnvelope<EventData> decode(byte[] bytes) {
        JsonNode node;
        try {
            node = mapper.readTree(bytes);
        } catch (JacksonException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        }
        Decoded decoded = decode(node, "");
        if (!decoded.valid()) {
            throw new EventDecodingException("malformed event: " + decoded.violations());
        }
        return decoded.event();
    }

    public EventEnvelope<EventData> decode(String json) {
        return decode(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Decodes an untrusted event and checks every rule of its type, naming each broken field under
     * {@code path} (e.g. {@code events[3]}). Unknown types are a violation here: a producer must only
     * send types it knows.
     */
    public Decoded validate(JsonNode node, String path) {
        Decoded decoded = decode(node, path);
        if (!decoded.valid()) {
            return decoded;
        }
        if (decoded.event().data() instanceof Unrecognised) {
            return invalid(new Violation(prefix(path, "type"), "unknown event type"));
        }
        List<Violation> dataViolations = decoded.event().data().violations().stream()
                .map(v -> v.under(prefix(path, "data")))
                .toList();
        return dataViolations.isEmpty() ? decoded : new Decoded(null, dataViolations);
    }

    private Decoded decode(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            return invalid(new Violation(path.isEmpty() ? "$" : path, "must be a JSON object"));
        }
        List<Violation> violations = new ArrayList<>();
        UUID id = uuid(node, path, violations);
        String type = text(node, "type", path, violations, true);
        String source = text(node, "source", path, violations, true);
        String subject = text(node, "subject", path, violations, false);
        Instant time = instant(node, path, violations);
        int version = node.path("version").asInt(1);
        JsonNode data = node.get("data");
        if (data == null || !data.isObject()) {
            violations.add(new Violation(prefix(path, "data"), "must be a JSON object"));
        }
        if (!violations.isEmpty()) {
            return new Decoded(null, List.copyOf(violations));
        }
        var entry = EventCatalog.byType(type);
        if (entry.isEmpty()) {
            return new Decoded(
                    new EventEnvelope<>(id, type, source, time, subject, version, new Unrecognised(data.toString())),
                    List.of());
        }
        try {
            EventData payload = mapper.treeToValue(data, entry.get().dataClass());
            return new Decoded(new EventEnvelope<>(id, type, source, time, subject, version, payload), List.of());
        } catch (MismatchedInputException e) {
            return invalid(new Violation(prefix(prefix(path, "data"), jsonPath(e)), "has the wrong type or format"));
        } catch (JacksonException e) {
            return invalid(new Violation(prefix(path, "data"), "cannot be read: " + e.getOriginalMessage()));
        }
    }

    private static Decoded invalid(Violation violation) {
        return new Decoded(null, List.of(violation));
    }

    private static String jsonPath(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String prefix(String path, String field) {
        if (field.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? field : path + "." + field;
    }

    private static UUID uuid(JsonNode node, String path, List<Violation> violations) {
        JsonNode id = node.get("id");
        if (id == null || !id.isString()) {
            violations.add(new Violation(prefix(path, "id"), "must be a UUID string"));
            return null;
        }
        try {
            return UUID.fromString(id.asString());
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(prefix(path, "id"), "must be a UUID string"));
            return null;
        }
    }

    private static String text(JsonNode node, String field, String path, List<Violation> violations, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(new Violation(prefix(path, field), "must not be blank"));
            }
            return null;
        }
        if (!value.isString() || (required && value.asString().isBlank())) {
            violations.add(new Violation(prefix(path, field), "must be a non-blank string"));
            return null;
        }
        if (value.asString().length() > 200) {
            violations.add(new Violation(prefix(path, field), "must be at most 200 characters"));
            return null;
        }
        return value.asString();
    }

    private static Instant instant(JsonNode node, String path, List<Violation> violations) {
        JsonNode time = node.get("time");
        if (time == null || !time.isString()) {
            violations.add(new Violation(prefix(path, "time"), "must be an ISO-8601 instant"));
            return null;
        }
        try {
            return Instant.parse(time.asString());
        } catch (DateTimeParseException e) {
            violations.add(new Violation(prefix(path, "time"), "must be an ISO-8601 instant"));
            return null;
        }
    }
}
