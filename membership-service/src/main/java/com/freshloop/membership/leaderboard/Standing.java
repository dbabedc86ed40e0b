package com.freshloop.membership.leaderboard;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A shopper's view of this week's repurchase leaderboard.
 *
 * @param rank 1-based, absent when the shopper has no repurchase this week
 * @param top the leaders (the rewarded places)
 * @param neighbourhood the places around the shopper's own
 */
public record Standing(String week, @Nullable Long rank, long repurchases, List<Place> top, List<Place> neighbourhood) {

    /** One place; other shoppers' ids are masked, {@code you} marks the caller's own. */
    public record Place(long rank, String user, long repurchases, boolean you) {}
}
