package com.freshloop.membership.member;

import java.time.Instant;

/** One change of a points balance; {@code delta} is positive for credits, negative for spends. */
public record LedgerEntry(long id, String userId, long delta, String reason, long balanceAfter, Instant createdAt) {}
