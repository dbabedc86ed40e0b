package com.freshloop.marketing.groupbuy;

import java.time.Instant;
import java.util.UUID;

/**
 * A group-buy offer: a team of {@code teamSize} (the leader included) within {@code windowHours} of opening;
 * on completion the leader gets one coupon of {@code leaderTemplateId} (e.g. a no-threshold coupon worth the
 * order, or a discount).
 */
public record GroupBuyOffer(
        UUID id,
        String name,
        int teamSize,
        int windowHours,
        UUID leaderTemplateId,
        String createdBy,
        Instant createdAt) {}
