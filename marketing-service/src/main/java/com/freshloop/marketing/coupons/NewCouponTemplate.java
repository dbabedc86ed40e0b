package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** What an operator asks for; field ranges are checked at the API, kind-specific rules by {@link Coupons}. */
public record NewCouponTemplate(
        String name,
        Kind kind,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal value,
        @Nullable String giftSku,
        int validDays,
        int totalStock,
        int perUserLimit,
        @Nullable BigDecimal budget) {

    public NewCouponTemplate(
            String name,
            Kind kind,
            @Nullable BigDecimal threshold,
            @Nullable BigDecimal value,
            @Nullable String giftSku,
            int validDays,
            int totalStock,
            int perUserLimit) {
        this(name, kind, threshold, value, giftSku, validDays, totalStock, perUserLimit, null);
    }
}
