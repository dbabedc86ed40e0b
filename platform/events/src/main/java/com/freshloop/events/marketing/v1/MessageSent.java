package com.freshloop.events.marketing.v1;

/**
 * A push or SMS message was sent to a user.
 *
 * @param messageId the message
 * @param channel {@code app_push} or {@code sms}
 * @param campaignId the campaign, if any
 * @param kind e.g. {@code winback}, {@code back_in_stock}, {@code coupon_expiry}
 */
public record MessageSent(String messageId, String channel, String campaignId, String kind) implements MarketingEvent {}
