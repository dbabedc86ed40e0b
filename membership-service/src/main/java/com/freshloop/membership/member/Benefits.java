package com.freshloop.membership.member;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a member is entitled to right now: what the app, checkout and marketing ask for.
 *
 * @param paidUntil end of a paid membership, if one is running
 * @param tierGraceUntil when a pending downgrade takes effect, if the growth value has fallen below the tier
 */
public record Benefits(
        String userId,
        String tier,
        boolean paid,
        @Nullable Instant paidUntil,
        @Nullable Instant tierGraceUntil,
        boolean freeDelivery,
        boolean memberPrices,
        boolean birthdayGift,
        boolean exclusiveCoupons) {}
