package com.freshloop.streams.purchasecycle.records;

/**
 * A product bought, one per distinct SKU of an order.
 *
 * @param userId the shopper
 * @param sku the product
 * @param orderId the order (a redelivered order is counted once)
 * @param eventId the {@code order.placed} event, from which the ids of the signals it causes are derived
 * @param eventTime when, epoch millis
 */
public record Purchase(String userId, String sku, String orderId, String eventId, long eventTime) {}
