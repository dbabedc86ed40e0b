package com.freshloop.recommendation.rules;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A rule as an operator writes it; {@link Rules} checks the kind-specific parts. */
public record RuleDraft(
        String name,
        String kind,
        @Nullable Integer startHour,
        @Nullable Integer endHour,
        @Nullable String weather,
        @Nullable String lifecycle,
        @Nullable String context,
        @Nullable List<String> skus,
        String reason,
        @Nullable Integer priority,
        @Nullable Boolean enabled) {}
