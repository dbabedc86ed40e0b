package com.freshloop.events.marketing.v1;

/**
 * A redeemed coupon was given back after the order was returned.
 *
 * @param couponId the coupon
 * @param orderId the returned order
 */
public record CouponRestored(String couponId, String orderId) implements MarketingEvent {}
