package com.freshloop.events.marketing.v1;

/**
 * A user was put in one arm of a campaign: the treatment gets the campaign, the control group gets
 * nothing and is the baseline its recall is measured against.
 *
 * @param campaignId the campaign
 * @param arm {@code treatment} or {@code control}
 * @param trigger why the user entered, e.g. {@code silent_30d} or {@code campaign_run}
 */
public record CampaignAssigned(String campaignId, String arm, String trigger) implements MarketingEvent {}
