package com.freshloop.events.recommendation.v1;

import com.freshloop.events.EventData;

/** Recommendation exposures and clicks; the subject is the user id. */
public sealed interface RecommendationEvent extends EventData permits RecommendationExposed, RecommendationClicked {}
