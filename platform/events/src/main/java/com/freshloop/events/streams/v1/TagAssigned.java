package com.freshloop.events.streams.v1;

import java.time.Instant;

/**
 * A tag was added to a user or its value or expiry updated.
 *
 * @param tag the tag, e.g. {@code active_hour:20}, {@code interest:organic}, {@code due_soon:eggs}
 * @param score strength of the tag, job specific (share, count or probability)
 * @param expiresAt when the tag stops holding unless renewed
 * @param job the job that computed it
 */
public record TagAssigned(String tag, double score, Instant expiresAt, String job) implements StreamEvent {}
