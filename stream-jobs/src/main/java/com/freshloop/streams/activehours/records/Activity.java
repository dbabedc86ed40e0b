package com.freshloop.streams.activehours.records;

/**
 * One thing a shopper did, reduced to what the active-hours job needs; small and serialized by Flink's
 * own record serializer, so the shuffle by user stays cheap.
 *
 * @param userId the shopper (the event's subject)
 * @param eventId id of the behaviour event, from which the ids of the tags it causes are derived
 * @param eventTime when it happened, epoch millis
 */
public record Activity(String userId, String eventId, long eventTime) {}
