package com.freshloop.streams.cartabandonment.records;

/**
 * What a shopper did to their cart, reduced to what cart abandonment needs.
 *
 * @param userId the shopper
 * @param eventId id of the behaviour event, from which the ids of the signals it causes are derived
 * @param eventTime when it happened, epoch millis
 * @param kind added an item, removed one, or ordered
 * @param sku the product added or removed; {@code null} for an order
 */
public record CartAction(String userId, String eventId, long eventTime, Kind kind, String sku) {

    /** The cart actions that matter. */
    public enum Kind {
        ADD,
        REMOVE,
        ORDER
    }
}
