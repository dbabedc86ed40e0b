package com.freshloop.recommendation.purchases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A SKU one shopper has bought: in how many orders, how many units, and when last. */
record PurchasedItem(
        String sku, @Nullable String name, @Nullable String category, int purchases, int units, Instant lastAt) {}
