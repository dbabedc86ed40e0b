package com.freshloop.events.membership.v1;

/**
 * Points were added to a user's ledger.
 *
 * @param points points added
 * @param reason e.g. {@code order}, {@code checkin}, {@code late_delivery}
 * @param balance balance afterwards
 */
public record PointsCredited(long points, String reason, long balance) implements MembershipEvent {}
