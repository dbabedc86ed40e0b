package com.freshloop.membership.garden;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A crop in a shopper's garden.
 *
 * @param water water received so far
 * @param ripeAt water needed to harvest
 * @param stage {@code seed}, {@code sprout}, {@code growing}, {@code flowering} or {@code ripe}
 * @param reward how the harvest paid, once harvested
 */
public record Crop(
        long id,
        String userId,
        String crop,
        int water,
        long ripeAt,
        String stage,
        Instant plantedAt,
        @Nullable Instant harvestedAt,
        @Nullable String reward) {}
