package com.freshloop.marketing.audience;

import java.util.List;

/**
 * Who a campaign reaches: a shopper matches when each non-empty list matches (any of its values).
 *
 * @param lifecycleStages e.g. {@code silent_30d}, {@code churned}, {@code new}
 * @param segments RFM segments, e.g. {@code Champions}, {@code Loyal}
 * @param tags stream-jobs tags the shopper currently holds, e.g. {@code interest:organic}
 */
public record AudienceRule(List<String> lifecycleStages, List<String> segments, List<String> tags) {

    public AudienceRule {
        lifecycleStages = lifecycleStages == null ? List.of() : List.copyOf(lifecycleStages);
        segments = segments == null ? List.of() : List.copyOf(segments);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
