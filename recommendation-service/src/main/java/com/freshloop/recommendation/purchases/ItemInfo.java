package com.freshloop.recommendation.purchases;

import org.jspecify.annotations.Nullable;

/** What the shop calls a SKU, from the most recent order containing it. */
public record ItemInfo(
        String sku, @Nullable String name, @Nullable String category) {

    /** The name if known, else the SKU. */
    public String label() {
        return name == null || name.isBlank() ? sku : name;
    }
}
