package com.freshloop.membership.member;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A member's standing: tier, growth value (lifetime) and points balance.
 *
 * @param tierGraceUntil when a pending downgrade takes effect, if any
 * @param paidUntil end of a running paid membership, if any
 */
public record Member(
        String userId,
        String tier,
        BigDecimal growth,
        long points,
        @Nullable Instant tierGraceUntil,
        @Nullable Instant paidUntil) {

    Member(String userId, String tier, BigDecimal growth, long points) {
        this(userId, tier, growth, points, null, null);
    }
}
