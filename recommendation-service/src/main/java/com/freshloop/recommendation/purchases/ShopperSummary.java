package com.freshloop.recommendation.purchases;

import org.jspecify.annotations.Nullable;

/** How many orders a shopper placed and the region of the last one. */
public record ShopperSummary(int orders, @Nullable String region) {}
