package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A coupon used on an order, with the discount it gave. */
public record Redemption(
        UUID couponId,
        String orderId,
        String userId,
        @Nullable String campaignId,
        BigDecimal discount,
        Instant redeemedAt) {}
