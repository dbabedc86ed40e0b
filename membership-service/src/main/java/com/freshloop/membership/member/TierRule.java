package com.freshloop.membership.member;

import java.math.BigDecimal;

/** A tier: the growth value it starts at and the benefits it gives. */
public record TierRule(
        String tier,
        BigDecimal minGrowth,
        boolean freeDelivery,
        boolean memberPrices,
        boolean birthdayGift,
        boolean exclusiveCoupons) {}
