package com.freshloop.events.streams.v1;

import java.time.Instant;

/**
 * A user is close to their usual time to buy a product again.
 *
 * @param sku the product
 * @param cycleDays the user's usual interval between purchases of it, in days
 * @param lastPurchasedAt the last purchase
 */
public record RepurchaseDue(String sku, double cycleDays, Instant lastPurchasedAt) implements StreamEvent {}
