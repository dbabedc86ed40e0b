package com.freshloop.events.marketing.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A referrer earned points: a user they referred placed a first order. The subject is the referrer's user
 * id; membership-service credits the points to the referrer's ledger, once per event id.
 *
 * @param referredUserId the referred (new) user whose first order earned the reward
 * @param points points earned by the referrer
 * @param code the referral code the referred user bound
 */
public record ReferralRewarded(String referredUserId, long points, String code) implements MarketingEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("referredUserId", referredUserId)
                .maxLength("referredUserId", referredUserId, 64)
                .positive("points", points)
                .notBlank("code", code)
                .maxLength("code", code, 16)
                .done();
    }
}
