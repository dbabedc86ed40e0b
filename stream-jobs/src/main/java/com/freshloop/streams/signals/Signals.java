package com.freshloop.streams.signals;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds what the jobs emit to the tags topic: {@code tag.assigned}, {@code tag.revoked} and the
 * signals marketing acts on, each with an id derived from its inputs.
 *
 * <p>An id is {@code UUID.nameUUIDFromBytes(job|user|what|cause)}: {@code what} is the tag (prefixed
 * {@code revoke:} for a revocation) or the event type, {@code cause} the id of the behaviour event that
 * caused it or, for a decision taken when time passed, a name for that moment (e.g. {@code day:20522}).
 * A replay from a checkpoint makes the same decisions from the same inputs and so emits the same ids,
 * which the consumers dedupe.
 */
public final class Signals {

    /** The envelope source of everything the stream jobs emit. */
    public static final String SOURCE = "stream-jobs";

    /** Type information of the jobs' output: envelopes of any {@link StreamEvent}. */
    public static final EventEnvelopeTypeInfo<StreamEvent> TYPE = EventEnvelopeTypeInfo.holding(StreamEvent.class);

    private static final EventCatalog.Entry TAG_ASSIGNED = EventCatalog.of(TagAssigned.class);
    private static final EventCatalog.Entry TAG_REVOKED = EventCatalog.of(TagRevoked.class);
    private static final Pattern NOT_TAG_VALUE = Pattern.compile("[^A-Za-z0-9_.-]+");
    private static final int MAX_TAG_VALUE = 80;

    private Signals() {}

    /** Deterministic: the same job, user, decision and cause always give the same id. */
    public static UUID id(String job, String userId, String what, String cause) {
        String name = job + '|' + userId + '|' + what + '|' + cause;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A tag added or updated.
     *
     * @param asOf the event time the tag is dated by; consumers keep the newest observation of a tag
     */
    public static EventEnvelope<StreamEvent> assigned(
            String job, String userId, String tag, double score, Instant expiresAt, Instant asOf, String cause) {
        return new EventEnvelope<>(
                id(job, userId, tag, cause),
                TAG_ASSIGNED.type(),
                SOURCE,
                asOf,
                userId,
                TAG_ASSIGNED.version(),
                new TagAssigned(tag, score, expiresAt, job));
    }

    /**
     * A tag that no longer holds.
     *
     * @param asOf must not be earlier than the assignment it revokes: consumers only delete a tag
     *     observed at or before the revocation
     */
    public static EventEnvelope<StreamEvent> revoked(
            String job, String userId, String tag, Instant asOf, String cause) {
        return new EventEnvelope<>(
                id(job, userId, "revoke:" + tag, cause),
                TAG_REVOKED.type(),
                SOURCE,
                asOf,
                userId,
                TAG_REVOKED.version(),
                new TagRevoked(tag, job));
    }

    /** Any other signal, e.g. {@code cart.abandoned}; {@code what} distinguishes several per cause. */
    public static EventEnvelope<StreamEvent> signal(
            String job, String userId, StreamEvent data, String what, Instant asOf, String cause) {
        EventCatalog.Entry entry = EventCatalog.of(data.getClass());
        return new EventEnvelope<>(
                id(job, userId, entry.type() + ':' + what, cause),
                entry.type(),
                SOURCE,
                asOf,
                userId,
                entry.version(),
                data);
    }

    /**
     * Whether an event is later than the allowed lateness behind the watermark (and so dropped). Before
     * the first watermark nothing is late.
     */
    public static boolean isLate(long eventTime, long watermark, Duration allowedLateness) {
        return watermark != Long.MIN_VALUE && eventTime < watermark - allowedLateness.toMillis();
    }

    /**
     * The part of a tag after the colon, from a category or SKU: runs of anything but
     * {@code A-Za-z0-9_.-} replaced by {@code _}, at most 80 characters (what profile-service accepts);
     * empty when nothing usable is left.
     */
    public static String tagValue(String raw) {
        if (raw == null) {
            return "";
        }
        String value = NOT_TAG_VALUE.matcher(raw.strip()).replaceAll("_");
        if (value.length() > MAX_TAG_VALUE) {
            value = value.substring(0, MAX_TAG_VALUE);
        }
        return value.replace("_", "").isEmpty() ? "" : value;
    }

    /** Rounds for presentation, so that scores compare and read well. */
    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
