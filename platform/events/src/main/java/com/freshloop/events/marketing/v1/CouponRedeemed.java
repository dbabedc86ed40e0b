package com.freshloop.events.marketing.v1;

import java.math.BigDecimal;

/**
 * A coupon was used on an order.
 *
 * @param couponId the coupon
 * @param orderId the order
 * @param campaignId the campaign, if any
 * @param discount the discount it gave
 */
public record CouponRedeemed(String couponId, String orderId, String campaignId, BigDecimal discount)
        implements MarketingEvent {}
