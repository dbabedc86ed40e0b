package com.freshloop.marketing.groupbuy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One group-buy team.
 *
 * @param status {@code open}, {@code completed} (full; the leader got {@code leaderCouponId}) or {@code expired}
 *     (the window passed first; its members were released)
 * @param members how many are in the team, the leader included
 */
public record Team(
        UUID id,
        UUID offerId,
        String leaderId,
        String status,
        int members,
        int teamSize,
        Instant openedAt,
        Instant expiresAt,
        @Nullable Instant closedAt,
        @Nullable UUID leaderCouponId) {

    public static final String OPEN = "open";
    public static final String COMPLETED = "completed";
    public static final String EXPIRED = "expired";
}
