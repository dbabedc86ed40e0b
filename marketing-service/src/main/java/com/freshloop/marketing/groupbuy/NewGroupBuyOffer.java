package com.freshloop.marketing.groupbuy;

import java.util.UUID;

/** What an operator asks for; ranges are checked at the API, the template's existence by {@link GroupBuys}. */
public record NewGroupBuyOffer(String name, int teamSize, int windowHours, UUID leaderTemplateId) {}
