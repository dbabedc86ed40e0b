package com.freshloop.profile.profiles;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param rfmWindow rolling window of frequency and monetary value
 * @param zone time zone in which order hours are counted
 * @param textTagTtl how long tags from reviews and chats hold
 * @param atRiskAfter lifecycle: at risk after this long without an order
 * @param silentAfter lifecycle: silent after this long (30 days)
 * @param churnedAfter lifecycle: churned after this long (90 days)
 * @param freshCategories categories counted as fresh in the behaviour features
 */
@ConfigurationProperties("freshloop.profile")
public record ProfileProperties(
        Duration rfmWindow,
        ZoneId zone,
        Duration textTagTtl,
        Duration atRiskAfter,
        Duration silentAfter,
        Duration churnedAfter,
        java.util.Set<String> freshCategories) {

    public ProfileProperties {
        rfmWindow = rfmWindow == null ? Duration.ofDays(365) : rfmWindow;
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
        textTagTtl = textTagTtl == null ? Duration.ofDays(60) : textTagTtl;
        atRiskAfter = atRiskAfter == null ? Duration.ofDays(21) : atRiskAfter;
        silentAfter = silentAfter == null ? Duration.ofDays(30) : silentAfter;
        churnedAfter = churnedAfter == null ? Duration.ofDays(90) : churnedAfter;
        freshCategories = freshCategories == null || freshCategories.isEmpty()
                ? java.util.Set.of(
                        "vegetables", "fruit", "produce", "dairy", "eggs", "meat", "seafood", "bakery", "fresh")
                : freshCategories;
    }

    public com.freshloop.profile.lifecycle.Stage.Rules stageRules() {
        return new com.freshloop.profile.lifecycle.Stage.Rules(atRiskAfter, silentAfter, churnedAfter);
    }
}
