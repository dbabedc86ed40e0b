package com.freshloop.membership.member;

import java.math.BigDecimal;

/** A member's standing: tier, growth value (lifetime spend) and points balance. */
public record Member(String userId, String tier, BigDecimal growth, long points) {}
