package com.freshloop.events.streams.v1;

/**
 * A tag no longer holds for a user.
 *
 * @param tag the tag
 * @param job the job that revoked it
 */
public record TagRevoked(String tag, String job) implements StreamEvent {}
