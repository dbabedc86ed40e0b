package com.freshloop.membership.member;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Nightly points expiry and tier recalculation (downgrades after the grace period, paid periods that
 * ran out). One member per transaction, each step idempotent, so overlapping runs on several
 * replicas, or a re-run after a crash, change nothing twice.
 */
@Component
class MembershipJobs {

    private static final Logger log = LoggerFactory.getLogger(MembershipJobs.class);

    private final Memberships memberships;

    MembershipJobs(Memberships memberships) {
        this.memberships = memberships;
    }

    @Scheduled(cron = "${membership.jobs.points-expiry-cron}", zone = "${membership.zone}")
    void expirePoints() {
        long total = 0;
        for (String userId : memberships.expiryCandidates()) {
            total += memberships.expirePoints(userId);
        }
        log.info("points expiry: {} points expired", total);
    }

    @Scheduled(cron = "${membership.jobs.tiers-cron}", zone = "${membership.zone}")
    void recalculateTiers() {
        var candidates = memberships.tierCandidates();
        candidates.forEach(memberships::recalculateTier);
        log.info("tier recalculation: {} members looked at", candidates.size());
    }
}
