package com.freshloop.streams.rfm.records;

/**
 * An order, reduced to what the RFM inputs need.
 *
 * @param userId the shopper
 * @param orderId the order (a redelivered order is counted once)
 * @param eventId the {@code order.placed} event, from which the ids of the tags it causes are derived
 * @param eventTime when, epoch millis
 * @param total the amount paid
 */
public record OrderFact(String userId, String orderId, String eventId, long eventTime, double total) {}
