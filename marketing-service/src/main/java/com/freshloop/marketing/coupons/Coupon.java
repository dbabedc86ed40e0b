package com.freshloop.marketing.coupons;

import java.time.Instant;
import java.util.UUID;

/**
 * A coupon held by a user.
 *
 * @param status {@code available}, {@code redeemed} or {@code expired}
 */
public record Coupon(
        UUID id, UUID templateId, String userId, String requestId, String status, Instant issuedAt, Instant expiresAt) {

    public static final String AVAILABLE = "available";
    public static final String EXPIRED = "expired";
    public static final String REDEEMED = "redeemed";
}
