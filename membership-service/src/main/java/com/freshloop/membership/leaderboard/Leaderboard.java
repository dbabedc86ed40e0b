package com.freshloop.membership.leaderboard;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.membership.MembershipProperties;
import com.freshloop.membership.audit.AuditLog;
import com.freshloop.membership.member.Memberships;
import com.freshloop.membership.rules.RewardRules;
import com.freshloop.starter.kafka.ProcessedEvents;
import com.freshloop.starter.web.UnprocessableException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The weekly repurchase leaderboard. A repurchase is an order with a SKU the shopper bought before.
 * Counts are kept in PostgreSQL (idempotent per order event, durable) and mirrored, after commit, into
 * one Redis sorted set per week with the absolute count as score, so a retry or a lost write is
 * repaired by the next one and the ranking reads are Redis's. Ties rank like Redis does (by user id,
 * descending), the week-end reward uses the same order, and the {@code (week, user_id)} unique
 * constraint on {@code leaderboard_reward} pays each leader once however often the job runs.
 */
@Service
public class Leaderboard {

    static final String CONSUMER = "membership-service.leaderboard";
    static final String REASON = "leaderboard";
    private static final Logger log = LoggerFactory.getLogger(Leaderboard.class);
    private static final Duration KEEP = Duration.ofDays(35);

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final ProcessedEvents processed;
    private final Memberships memberships;
    private final RewardRules rewards;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;

    Leaderboard(
            JdbcClient jdbc,
            StringRedisTemplate redis,
            ProcessedEvents processed,
            Memberships memberships,
            RewardRules rewards,
            AuditLog audit,
            Clock clock,
            MembershipProperties properties) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.processed = processed;
        this.memberships = memberships;
        this.rewards = rewards;
        this.audit = audit;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Counts a repurchase (once per event) in the week of the order's time; true if it was one. */
    @Transactional
    public boolean recordOrder(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order)
                || event.subject() == null
                || order.lines() == null
                || !processed.firstDelivery(CONSUMER, event.id())) {
            return false;
        }
        String userId = event.subject();
        Instant at = event.time() == null ? clock.instant() : event.time();
        Set<String> skus = new TreeSet<>();
        order.lines().stream()
                .filter(Objects::nonNull)
                .map(OrderPlaced.Line::sku)
                .filter(Objects::nonNull)
                .forEach(skus::add);
        if (skus.isEmpty()) {
            return false;
        }
        long known = jdbc.sql("select count(*) from purchased_sku where user_id = :user and sku in (:skus)")
                .param("user", userId)
                .param("skus", skus)
                .query(Long.class)
                .single();
        for (String sku : skus) {
            jdbc.sql("""
                            insert into purchased_sku (user_id, sku, first_at) values (:user, :sku, :at)
                            on conflict (user_id, sku) do nothing
                            """)
                    .param("user", userId)
                    .param("sku", sku)
                    .param("at", Timestamp.from(at))
                    .update();
        }
        if (known == 0) {
            return false;
        }
        String week = Weeks.of(at, zone);
        int count = jdbc.sql("""
                        insert into weekly_repurchase (week, user_id, repurchases, updated_at)
                        values (:week, :user, 1, now())
                        on conflict (week, user_id) do update
                           set repurchases = weekly_repurchase.repurchases + 1, updated_at = now()
                        returning repurchases
                        """)
                .param("week", week)
                .param("user", userId)
                .query(Integer.class)
                .single();
        afterCommit(() -> mirror(week, userId, count));
        return true;
    }

    /** The caller's rank this week, the leaders, and {@code around} places either side of the caller. */
    public Standing standing(String userId, int around) {
        String week = Weeks.of(clock.instant(), zone);
        String key = key(week);
        rebuildIfLost(week);
        var zset = redis.opsForZSet();
        Long index = zset.reverseRank(key, userId);
        Double score = zset.score(key, userId);
        int topN = (int) rewards.get("leaderboard-top-n");
        List<Standing.Place> top = places(userId, zset, key, 0, Math.max(topN, 1) - 1);
        List<Standing.Place> neighbourhood =
                index == null ? List.of() : places(userId, zset, key, Math.max(0, index - around), index + around);
        return new Standing(
                week, index == null ? null : index + 1, score == null ? 0 : score.longValue(), top, neighbourhood);
    }

    /** A week's ranking from the durable counts (for operators), in the order the rewards use. */
    @Transactional(readOnly = true)
    public List<Standing.Place> ranking(String week, int limit) {
        List<Standing.Place> places = new ArrayList<>();
        for (var row : rows(week, limit)) {
            places.add(new Standing.Place(places.size() + 1, row.userId(), row.repurchases(), false));
        }
        return places;
    }

    @Transactional(readOnly = true)
    public List<Reward> rewards(String week) {
        return jdbc.sql("""
                        select week, user_id, rank, repurchases, points, rewarded_at
                          from leaderboard_reward where week = :week order by rank
                        """)
                .param("week", week)
                .query((rs, i) -> new Reward(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    /**
     * Rewards the top N of an ended week. Safe to run any number of times, also concurrently: a
     * leader's reward row is inserted at most once (unique on week and user), and points are paid only
     * by the run whose insert succeeded (and are themselves idempotent by key). Returns the rewards
     * this run paid.
     */
    @Transactional
    public List<Reward> rewardWeek(String week) {
        if (clock.instant().isBefore(Weeks.end(week, zone))) {
            throw new UnprocessableException("Week " + week + " has not ended yet.");
        }
        int topN = (int) rewards.get("leaderboard-top-n");
        long first = rewards.get("leaderboard-first-points");
        long others = rewards.get("leaderboard-points");
        List<Reward> paid = new ArrayList<>();
        int rank = 0;
        for (var row : rows(week, topN)) {
            rank++;
            long points = rank == 1 ? first : others;
            var inserted = jdbc.sql("""
                            insert into leaderboard_reward (week, user_id, rank, repurchases, points)
                            values (:week, :user, :rank, :repurchases, :points)
                            on conflict (week, user_id) do nothing
                            returning rewarded_at
                            """)
                    .param("week", week)
                    .param("user", row.userId())
                    .param("rank", rank)
                    .param("repurchases", row.repurchases())
                    .param("points", points)
                    .query((rs, i) -> rs.getTimestamp(1).toInstant())
                    .optional();
            if (inserted.isPresent()) {
                memberships.award(row.userId(), points, REASON, "leaderboard:" + week + ":" + row.userId());
                paid.add(new Reward(week, row.userId(), rank, row.repurchases(), points, inserted.get()));
            }
        }
        return paid;
    }

    /** An operator pays a week's rewards by hand; audited with what this run paid. */
    @Transactional
    public List<Reward> rewardWeekAudited(String week, String actor) {
        List<Reward> paid = rewardWeek(week);
        audit.record(
                actor,
                "leaderboard.reward",
                "leaderboard:" + week,
                Map.of("paid", paid.stream().map(Reward::userId).toList()));
        return paid;
    }

    /** The week that ended most recently. */
    public String lastWeek() {
        return Weeks.of(clock.instant().atZone(zone).minusWeeks(1).toLocalDate());
    }

    private record Row(String userId, int repurchases) {}

    private List<Row> rows(String week, int limit) {
        return jdbc.sql("""
                        select user_id, repurchases from weekly_repurchase
                         where week = :week and repurchases > 0
                         order by repurchases desc, user_id desc limit :limit
                        """)
                .param("week", week)
                .param("limit", limit)
                .query((rs, i) -> new Row(rs.getString(1), rs.getInt(2)))
                .list();
    }

    private List<Standing.Place> places(
            String userId, ZSetOperations<String, String> zset, String key, long from, long to) {
        var tuples = zset.reverseRangeWithScores(key, from, to);
        List<Standing.Place> places = new ArrayList<>();
        if (tuples == null) {
            return places;
        }
        long rank = from;
        for (var tuple : tuples) {
            rank++;
            String member = Objects.requireNonNull(tuple.getValue());
            double score = tuple.getScore() == null ? 0 : tuple.getScore();
            places.add(new Standing.Place(
                    rank, member.equals(userId) ? member : mask(member), (long) score, member.equals(userId)));
        }
        return places;
    }

    private void mirror(String week, String userId, int count) {
        try {
            redis.opsForZSet().add(key(week), userId, count);
            redis.expire(key(week), KEEP);
        } catch (RuntimeException e) {
            // The database holds the count; the next repurchase or a rebuild repairs the ranking.
            log.warn("could not update the leaderboard in Redis for {} in {}: {}", userId, week, e.toString());
        }
    }

    /** After a Redis restart the sorted set is gone: refill it from the durable counts. */
    private void rebuildIfLost(String week) {
        Long size = redis.opsForZSet().zCard(key(week));
        if (size != null && size > 0) {
            return;
        }
        var rows = jdbc.sql("select user_id, repurchases from weekly_repurchase where week = :week")
                .param("week", week)
                .query((rs, i) -> new Row(rs.getString(1), rs.getInt(2)))
                .list();
        rows.forEach(row -> redis.opsForZSet().add(key(week), row.userId(), row.repurchases()));
        if (!rows.isEmpty()) {
            redis.expire(key(week), KEEP);
        }
    }

    static String key(String week) {
        return "membership:leaderboard:" + week;
    }

    static String mask(String userId) {
        return userId.length() <= 3 ? "***" : userId.substring(0, 3) + "***";
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
