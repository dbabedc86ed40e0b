package com.freshloop.marketing.coupons;

/** The outcome of an issue request: {@code created} is false when the request id was seen before. */
public record IssuedCoupon(Coupon coupon, CouponTemplate template, boolean created) {}
