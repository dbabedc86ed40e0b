package com.freshloop.membership.checkin;

import com.freshloop.membership.garden.Garden;
import com.freshloop.membership.member.Memberships;
import com.freshloop.membership.rules.RewardRules;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Daily check-ins, from the app's POST or from {@code checkin.done} events. One per user and local
 * day (the primary key decides a race); each pays daily points and growth and waters the garden; every
 * {@code streak-days}-th day in a row pays the streak reward.
 */
@Service
public class CheckIns {

    static final String REASON = "checkin";
    static final String STREAK_REASON = "checkin_streak";

    private final JdbcClient jdbc;
    private final Memberships memberships;
    private final Garden garden;
    private final RewardRules rewards;
    private final Clock clock;

    CheckIns(JdbcClient jdbc, Memberships memberships, Garden garden, RewardRules rewards, Clock clock) {
        this.jdbc = jdbc;
        this.memberships = memberships;
        this.garden = garden;
        this.rewards = rewards;
        this.clock = clock;
    }

    /** Checks in at the current time. */
    @Transactional
    public CheckIn checkIn(String userId, ZoneId zone) {
        return checkIn(userId, zone, clock.instant());
    }

    /** Checks in at {@code at} (an event's time), counted on the local day of {@code zone}. */
    @Transactional
    public CheckIn checkIn(String userId, ZoneId zone, Instant at) {
        var last = last(userId);
        var decision = new Streaks(Clock.fixed(at, zone)).checkIn(last.orElse(null), zone);
        if (!decision.counted() || !insert(userId, decision, zone, at)) {
            int streak = last.map(Streaks.Last::streak).orElse(decision.streak());
            return new CheckIn(userId, decision.day(), zone.getId(), streak, false, 0, false);
        }
        String key = userId + ":" + decision.day();
        long points = rewards.get("checkin-points");
        memberships.award(userId, points, REASON, "checkin:" + key);
        memberships.addGrowth(userId, BigDecimal.valueOf(rewards.get("checkin-growth")), REASON, "checkin:" + key);
        long streakDays = rewards.get("streak-days");
        boolean streakReward = streakDays > 0 && decision.streak() % streakDays == 0;
        if (streakReward) {
            // Meant to be a coupon from marketing; until a coupon-request event exists, the reward is points.
            long bonus = rewards.get("streak-points");
            memberships.award(userId, bonus, STREAK_REASON, "streak:" + key);
            memberships.addGrowth(
                    userId, BigDecimal.valueOf(rewards.get("streak-growth")), STREAK_REASON, "streak:" + key);
            points += bonus;
        }
        garden.water(userId, "checkin", "checkin:" + key);
        return new CheckIn(userId, decision.day(), zone.getId(), decision.streak(), true, points, streakReward);
    }

    @Transactional(readOnly = true)
    public CheckInStatus status(String userId, ZoneId zone) {
        var last = last(userId);
        var streaks = new Streaks(clock);
        LocalDate today = streaks.today(zone);
        var recent = jdbc.sql("select local_date from checkin where user_id = :user order by local_date desc limit 31")
                .param("user", userId)
                .query((rs, i) -> rs.getDate(1).toLocalDate())
                .list();
        return new CheckInStatus(
                userId,
                streaks.current(last.orElse(null), zone),
                last.map(l -> !l.day().isBefore(today)).orElse(false),
                last.map(Streaks.Last::day).orElse(null),
                recent);
    }

    private Optional<Streaks.Last> last(String userId) {
        return jdbc.sql("select local_date, streak from checkin where user_id = :user order by local_date desc limit 1")
                .param("user", userId)
                .query((rs, i) -> new Streaks.Last(rs.getDate(1).toLocalDate(), rs.getInt(2)))
                .optional();
    }

    private boolean insert(String userId, Streaks.Decision decision, ZoneId zone, Instant at) {
        return jdbc.sql("""
                                insert into checkin (user_id, local_date, time_zone, streak, checked_at)
                                values (:user, :day, :zone, :streak, :at)
                                on conflict (user_id, local_date) do nothing
                                """)
                        .param("user", userId)
                        .param("day", Date.valueOf(decision.day()))
                        .param("zone", zone.getId())
                        .param("streak", decision.streak())
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }
}
