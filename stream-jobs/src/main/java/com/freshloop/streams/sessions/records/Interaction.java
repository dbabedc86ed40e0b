package com.freshloop.streams.sessions.records;

/**
 * Something a shopper did in the app, for sessionisation.
 *
 * @param userId the shopper
 * @param eventTime when, epoch millis
 * @param order whether it was an order
 */
public record Interaction(String userId, long eventTime, boolean order) {}
