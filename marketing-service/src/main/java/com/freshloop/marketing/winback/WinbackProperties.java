package com.freshloop.marketing.winback;

import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The win-back campaign's settings.
 *
 * @param campaignId the campaign id carried on its coupons, messages and assignments
 * @param stages lifecycle stages that enter the campaign
 * @param templateIds coupon templates every treated user gets (defaults: the seeded spend-50-save-20 and gift)
 * @param controlShare share of users held out as the control group, 0 to 1
 * @param usualMinOrders a SKU is one of the user's usual items after this many orders containing it
 */
@ConfigurationProperties("freshloop.marketing.winback")
public record WinbackProperties(
        String campaignId, List<String> stages, List<UUID> templateIds, double controlShare, int usualMinOrders) {}
