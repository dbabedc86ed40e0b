package com.freshloop.marketing.campaigns;

import java.util.UUID;

/**
 * What a run did.
 *
 * @param audience shoppers the rule matched
 * @param control newly assigned to the control group (get nothing)
 * @param treated newly assigned to treatment and given the coupons
 * @param alreadyAssigned members assigned by an earlier run (nothing new for them)
 * @param refused treated members a coupon could not be issued to (stock, per-user limit)
 */
public record CampaignRun(UUID campaignId, int audience, int control, int treated, int alreadyAssigned, int refused) {}
