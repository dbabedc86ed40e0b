package com.freshloop.membership.leaderboard;

import java.time.Instant;

/** A week-end reward paid to a leader; at most one per week and user. */
public record Reward(String week, String userId, int rank, int repurchases, long points, Instant rewardedAt) {}
