/** The weekly repurchase leaderboard: Redis sorted sets for ranking, the database for counts and the once-only week-end rewards. */
@NullMarked
package com.freshloop.membership.leaderboard;

import org.jspecify.annotations.NullMarked;
