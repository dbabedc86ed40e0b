package com.freshloop.marketing.campaigns;

import java.util.UUID;

/** The size of a campaign's audience now, split into the control and treatment arms. */
public record AudiencePreview(UUID campaignId, int size, int control, int treatment) {}
