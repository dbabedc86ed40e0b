package com.freshloop.recommendation.training;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the scheduled training ({@code freshloop.recommendation.training}).
 *
 * @param interval time between runs (after the previous one ends)
 * @param initialDelay first run after start-up
 * @param zone the shop's time zone: a basket's day and purchase cycles are counted in it
 * @param minValidationShoppers below this many shoppers with a validation basket the ranker keeps its
 *     hand-set weights instead of learning them
 * @param ascentRounds coordinate-ascent rounds after the regression when learning the weights
 */
@ConfigurationProperties("freshloop.recommendation.training")
public record TrainingProperties(
        @DefaultValue("PT1H") Duration interval,
        @DefaultValue("PT30S") Duration initialDelay,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("200") int minValidationShoppers,
        @DefaultValue("2") int ascentRounds) {}
