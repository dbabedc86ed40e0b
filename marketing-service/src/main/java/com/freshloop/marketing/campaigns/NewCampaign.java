package com.freshloop.marketing.campaigns;

import com.freshloop.marketing.audience.AudienceRule;
import java.util.List;
import java.util.UUID;

/** What an operator asks for when creating or changing a campaign. */
public record NewCampaign(String name, AudienceRule audience, List<UUID> templateIds, double controlShare) {}
