package com.freshloop.membership.member;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> find(String userId) {
        return jdbc.sql(
                        "select user_id, tier, growth, points, tier_grace_until, paid_until from member where user_id = :user")
                .param("user", userId)
                .query(MemberRepository::member)
                .optional();
    }

    /**
     * Creates the member at the entry tier if new, then locks the row until the transaction ends:
     * every balance change of a member runs one at a time.
     */
    Member lock(String userId, String entryTier) {
        jdbc.sql("insert into member (user_id, tier) values (:user, :tier) on conflict (user_id) do nothing")
                .param("user", userId)
                .param("tier", entryTier)
                .update();
        return jdbc.sql(
                        "select user_id, tier, growth, points, tier_grace_until, paid_until from member where user_id = :user for update")
                .param("user", userId)
                .query(MemberRepository::member)
                .single();
    }

    void update(String userId, String tier, BigDecimal growth, long points) {
        jdbc.sql("""
                        update member set tier = :tier, growth = :growth, points = :points,
                                          version = version + 1, updated_at = now()
                         where user_id = :user
                        """)
                .param("user", userId)
                .param("tier", tier)
                .param("growth", growth)
                .param("points", points)
                .update();
    }

    Optional<LedgerEntry> entry(String idempotencyKey) {
        return jdbc.sql("""
                        select id, user_id, delta, reason, balance_after, created_at
                          from points_ledger where idempotency_key = :key
                        """)
                .param("key", idempotencyKey)
                .query(MemberRepository::entry)
                .optional();
    }

    LedgerEntry append(String userId, long delta, String reason, String idempotencyKey, long balanceAfter) {
        return jdbc.sql("""
                        insert into points_ledger (user_id, delta, reason, idempotency_key, balance_after)
                        values (:user, :delta, :reason, :key, :balance)
                        returning id, user_id, delta, reason, balance_after, created_at
                        """)
                .param("user", userId)
                .param("delta", delta)
                .param("reason", reason)
                .param("key", idempotencyKey)
                .param("balance", balanceAfter)
                .query(MemberRepository::entry)
                .single();
    }

    List<LedgerEntry> ledger(String userId, int limit) {
        return jdbc.sql("""
                        select id, user_id, delta, reason, balance_after, created_at
                          from points_ledger where user_id = :user order by id desc limit :limit
                        """)
                .param("user", userId)
                .param("limit", limit)
                .query(MemberRepository::entry)
                .list();
    }

    /** Tier, grace and paid period together: the three change together on a tier decision. */
    void updateTierState(String userId, String tier, @Nullable Instant graceUntil, @Nullable Instant paidUntil) {
        jdbc.sql("""
                        update member set tier = :tier, tier_grace_until = :grace, paid_until = :paid,
                                          version = version + 1, updated_at = now()
                         where user_id = :user
                        """)
                .param("user", userId)
                .param("tier", tier)
                .param("grace", timestamp(graceUntil))
                .param("paid", timestamp(paidUntil))
                .update();
    }

    /** Records a growth gain once per key; false when the key was seen before. */
    boolean appendGrowth(String userId, BigDecimal delta, String source, String key, Instant at) {
        return jdbc.sql("""
                                insert into growth_ledger (user_id, delta, source, idempotency_key, created_at)
                                values (:user, :delta, :source, :key, :at)
                                on conflict (idempotency_key) do nothing
                                """)
                        .param("user", userId)
                        .param("delta", delta)
                        .param("source", source)
                        .param("key", key)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    BigDecimal growthSince(String userId, Instant since) {
        return jdbc.sql(
                        "select coalesce(sum(delta), 0) from growth_ledger where user_id = :user and created_at >= :since")
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(BigDecimal.class)
                .single();
    }

    long growthEntriesSince(String userId, String source, Instant since) {
        return jdbc.sql("""
                        select count(*) from growth_ledger
                         where user_id = :user and source = :source and created_at >= :since
                        """)
                .param("user", userId)
                .param("source", source)
                .param("since", Timestamp.from(since))
                .query(Long.class)
                .single();
    }

    /** Points credited before the cutoff, and everything debited so far (spends and earlier expiries). */
    long creditedBefore(String userId, Instant cutoff) {
        return jdbc.sql("""
                        select coalesce(sum(delta), 0) from points_ledger
                         where user_id = :user and delta > 0 and created_at < :cutoff
                        """)
                .param("user", userId)
                .param("cutoff", Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    long debitedTotal(String userId) {
        return jdbc.sql("select coalesce(-sum(delta), 0) from points_ledger where user_id = :user and delta < 0")
                .param("user", userId)
                .query(Long.class)
                .single();
    }

    List<String> withPointsCreditedBefore(Instant cutoff) {
        return jdbc.sql("""
                        select distinct l.user_id from points_ledger l join member m on m.user_id = l.user_id
                         where m.points > 0 and l.delta > 0 and l.created_at < :cutoff
                        """)
                .param("cutoff", Timestamp.from(cutoff))
                .query(String.class)
                .list();
    }

    List<String> aboveEntryTierOrPaid(String entryTier) {
        return jdbc.sql("select user_id from member where tier <> :entry or paid_until is not null")
                .param("entry", entryTier)
                .query(String.class)
                .list();
    }

    Optional<PaidMembership> paidPeriod(String key) {
        return jdbc.sql("""
                        select user_id, months, source, reference, paid_until from paid_membership
                         where idempotency_key = :key
                        """)
                .param("key", key)
                .query((rs, i) -> new PaidMembership(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        false))
                .optional();
    }

    void appendPaidPeriod(String userId, int months, String source, String reference, String key, Instant until) {
        jdbc.sql("""
                        insert into paid_membership (user_id, months, source, reference, idempotency_key, paid_until)
                        values (:user, :months, :source, :reference, :key, :until)
                        """)
                .param("user", userId)
                .param("months", months)
                .param("source", source)
                .param("reference", reference)
                .param("key", key)
                .param("until", Timestamp.from(until))
                .update();
    }

    void upsertTierRule(TierRule rule) {
        jdbc.sql("""
                        insert into tier_rule (tier, min_growth, free_delivery, member_prices, birthday_gift, exclusive_coupons)
                        values (:tier, :min, :delivery, :prices, :birthday, :coupons)
                        on conflict (tier) do update
                           set min_growth = excluded.min_growth, free_delivery = excluded.free_delivery,
                               member_prices = excluded.member_prices, birthday_gift = excluded.birthday_gift,
                               exclusive_coupons = excluded.exclusive_coupons, updated_at = now()
                        """)
                .param("tier", rule.tier())
                .param("min", rule.minGrowth())
                .param("delivery", rule.freeDelivery())
                .param("prices", rule.memberPrices())
                .param("birthday", rule.birthdayGift())
                .param("coupons", rule.exclusiveCoupons())
                .update();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getString("user_id"),
                rs.getString("tier"),
                rs.getBigDecimal("growth"),
                rs.getLong("points"),
                instant(rs.getTimestamp("tier_grace_until")),
                instant(rs.getTimestamp("paid_until")));
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                rs.getLong("id"),
                rs.getString("user_id"),
                rs.getLong("delta"),
                rs.getString("reason"),
                rs.getLong("balance_after"),
                rs.getTimestamp("created_at").toInstant());
    }
}
