package com.freshloop.recommendation.training;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a training run produced: data volume, the blend weights (feature=weight, comma separated),
 * whether they were learned on a validation split or hand-set, and the validation scores if learned.
 */
public record ModelRun(
        long id,
        Instant trainedAt,
        int baskets,
        int users,
        int items,
        String weights,
        boolean tuned,
        int validationUsers,
        @Nullable Double validationRecall10,
        @Nullable Double validationNdcg10,
        long millis) {}
