package com.freshloop.membership.member;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MemberRepository {

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> find(String userId) {
        return jdbc.sql("select user_id, tier, growth, points from member where user_id = :user")
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
        return jdbc.sql("select user_id, tier, growth, points from member where user_id = :user for update")
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

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getString("user_id"), rs.getString("tier"), rs.getBigDecimal("growth"), rs.getLong("points"));
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
