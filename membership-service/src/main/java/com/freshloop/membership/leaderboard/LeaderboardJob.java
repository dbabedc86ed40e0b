package com.freshloop.membership.leaderboard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Pays last week's leaders on Monday morning; a second run (another replica, a retry) pays nothing. */
@Component
class LeaderboardJob {

    private static final Logger log = LoggerFactory.getLogger(LeaderboardJob.class);

    private final Leaderboard leaderboard;

    LeaderboardJob(Leaderboard leaderboard) {
        this.leaderboard = leaderboard;
    }

    @Scheduled(cron = "${membership.jobs.leaderboard-cron}", zone = "${membership.zone}")
    void rewardLastWeek() {
        String week = leaderboard.lastWeek();
        log.info(
                "leaderboard {}: {} rewards paid",
                week,
                leaderboard.rewardWeek(week).size());
    }
}
