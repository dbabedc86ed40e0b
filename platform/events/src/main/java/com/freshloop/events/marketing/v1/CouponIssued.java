package com.freshloop.events.marketing.v1;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A coupon was issued to a user.
 *
 * @param couponId the coupon
 * @param templateId its template
 * @param campaignId the campaign, if any
 * @param kind {@code no_threshold}, {@code spend_save}, {@code percentage} or {@code free_gift}
 * @param faceValue the discount amount (or percentage for {@code percentage})
 * @param expiresAt end of validity
 */
public record CouponIssued(
        String couponId, String templateId, String campaignId, String kind, BigDecimal faceValue, Instant expiresAt)
        implements MarketingEvent {}
