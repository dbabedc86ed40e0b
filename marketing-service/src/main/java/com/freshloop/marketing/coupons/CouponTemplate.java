package com.freshloop.marketing.coupons;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A kind of coupon and its stock.
 *
 * @param threshold the spend a {@code spend_save} coupon needs
 * @param value the amount off, or the percentage off for {@code percentage}
 * @param giftSku the gift of a {@code free_gift} coupon
 * @param issued how many coupons have been issued; never more than {@code totalStock}
 */
public record CouponTemplate(
        UUID id,
        String name,
        Kind kind,
        @Nullable BigDecimal threshold,
        @Nullable BigDecimal value,
        @Nullable String giftSku,
        int validDays,
        int totalStock,
        int perUserLimit,
        int issued,
        String createdBy,
        Instant createdAt) {}
