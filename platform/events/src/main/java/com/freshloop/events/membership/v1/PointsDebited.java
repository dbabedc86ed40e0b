package com.freshloop.events.membership.v1;

/**
 * Points were spent or expired.
 *
 * @param points points removed
 * @param reason e.g. {@code redeem}, {@code expiry}
 * @param balance balance afterwards, never negative
 */
public record PointsDebited(long points, String reason, long balance) implements MembershipEvent {}
