package com.freshloop.marketing.referrals;

import java.time.Instant;

/**
 * A new user's use of a referral code; {@code created} is false when the same code was bound before.
 *
 * @param status {@code pending} until the first order, then {@code credited}
 */
public record Binding(String code, String status, Instant boundAt, boolean created) {}
