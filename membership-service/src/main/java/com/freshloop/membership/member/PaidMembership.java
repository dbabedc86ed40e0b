package com.freshloop.membership.member;

import java.time.Instant;

/** A paid membership period (an operator grant or a shopper's purchase) and whether this request created it. */
public record PaidMembership(
        String userId, int months, String source, String reference, Instant paidUntil, boolean created) {}
