package com.freshloop.recommendation.experiments;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An experiment: the first variant is the control.
 *
 * @param status {@code draft}, {@code running} or {@code stopped}
 */
public record Experiment(
        long id,
        String key,
        String name,
        String status,
        List<Variant> variants,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant stoppedAt) {

    public static final String DRAFT = "draft";
    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    /**
     * A variant.
     *
     * @param weight relative share of traffic (positive)
     * @param algorithm what its shoppers get: {@code ranker} (the blended model), {@code repurchase} (own
     *     items by frequency and recency, then popular) or {@code popular}
     */
    public record Variant(String name, int weight, String algorithm) {}
}
