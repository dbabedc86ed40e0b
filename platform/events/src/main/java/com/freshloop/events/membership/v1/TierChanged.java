package com.freshloop.events.membership.v1;

/**
 * A user's membership tier changed.
 *
 * @param from previous tier
 * @param to new tier, e.g. {@code green}, {@code black_gold}
 */
public record TierChanged(String from, String to) implements MembershipEvent {}
