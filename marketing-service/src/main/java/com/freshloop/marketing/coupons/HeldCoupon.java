package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A user's coupon with what it is worth, as the shopper sees it. */
public record HeldCoupon(
        UUID couponId,
        UUID templateId,
        String name,
        Kind kind,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal value,
        @Nullable String giftSku,
        String status,
        Instant issuedAt,
        Instant expiresAt) {}
