package com.freshloop.marketing.referrals;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One referred user, as the referrer sees it.
 *
 * @param invitee the referred user's id, masked
 * @param status {@code pending} until the referred user's first order, then {@code credited}
 * @param points points credited to the referrer for it
 */
public record Referral(
        String invitee,
        String status,
        int points,
        Instant boundAt,
        @Nullable Instant creditedAt) {}
