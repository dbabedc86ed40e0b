package com.freshloop.events.marketing.v1;

import com.freshloop.events.EventData;

/** Coupons, messages, campaign arms and referral rewards from marketing-service; the subject is the user id. */
public sealed interface MarketingEvent extends EventData
        permits CouponIssued, CouponRedeemed, CouponRestored, MessageSent, CampaignAssigned, ReferralRewarded {}
