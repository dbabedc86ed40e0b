package com.freshloop.streams.scenario.records;

/**
 * Where a shopper had an order delivered.
 *
 * @param userId the shopper
 * @param region the delivery region
 * @param eventTime when they ordered, epoch millis
 */
public record UserRegion(String userId, String region, long eventTime) {}
