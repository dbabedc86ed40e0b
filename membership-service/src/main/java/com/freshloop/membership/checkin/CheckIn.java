package com.freshloop.membership.checkin;

import java.time.LocalDate;

/**
 * The result of a check-in.
 *
 * @param day the local day it counts for
 * @param streak consecutive local days including this one
 * @param counted false when the shopper had already checked in that day (nothing was paid)
 * @param points points paid for this check-in (daily plus any streak reward)
 * @param streakReward whether this check-in completed a streak (e.g. 7 days) and earned its reward
 */
public record CheckIn(
        String userId,
        LocalDate day,
        String timeZone,
        int streak,
        boolean counted,
        long points,
        boolean streakReward) {}
