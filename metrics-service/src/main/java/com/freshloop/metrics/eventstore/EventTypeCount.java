package com.freshloop.metrics.eventstore;

/**
 * How many distinct events of one type.
 *
 * @param type the event type, e.g. {@code order.placed}
 * @param count distinct event ids
 */
public record EventTypeCount(String type, long count) {}
