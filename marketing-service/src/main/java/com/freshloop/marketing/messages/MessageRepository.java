package com.freshloop.marketing.messages;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class MessageRepository {

    record Due(OutgoingMessage message, int activeHour) {}

    private final JdbcClient jdbc;

    MessageRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(
            UUID id,
            String userId,
            String kind,
            String channel,
            @Nullable String campaignId,
            String body,
            int activeHour,
            Instant dueAt,
            String dedupeKey,
            Instant now) {
        return jdbc.sql("""
                        insert into scheduled_message (id, user_id, kind, channel, campaign_id, body, active_hour,
                                                       due_at, dedupe_key, created_at)
                        values (:id, :user, :kind, :channel, :campaign, :body, :hour, :due, :key, :now)
                        on conflict (dedupe_key) do nothing
                        """)
                        .param("id", id)
                        .param("user", userId)
                        .param("kind", kind)
                        .param("channel", channel)
                        .param("campaign", campaignId)
                        .param("body", body)
                        .param("hour", activeHour)
                        .param("due", Timestamp.from(dueAt))
                        .param("key", dedupeKey)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** Due messages, locked; a second scheduler instance skips them rather than sending twice. */
    List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                        select id, user_id, kind, channel, campaign_id, body, active_hour from scheduled_message
                         where status = 'pending' and due_at <= :now
                         order by due_at, id
                         limit :limit
                         for update skip locked
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, i) -> new Due(
                        new OutgoingMessage(
                                rs.getObject("id", UUID.class),
                                rs.getString("user_id"),
                                rs.getString("kind"),
                                rs.getString("channel"),
                                rs.getString("campaign_id"),
                                rs.getString("body")),
                        rs.getInt("active_hour")))
                .list();
    }

    int sentSince(String userId, Instant since) {
        return jdbc.sql("select count(*) from sent_message where user_id = :user and sent_at >= :since")
                .param("user", userId)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("update scheduled_message set status = 'sent', sent_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void postpone(UUID id, Instant dueAt) {
        jdbc.sql("update scheduled_message set due_at = :due where id = :id")
                .param("id", id)
                .param("due", Timestamp.from(dueAt))
                .update();
    }

    List<UserMessage> of(String userId) {
        return jdbc.sql("""
                        select id, kind, channel, campaign_id, body, status, due_at, sent_at
                          from scheduled_message where user_id = :user
                         order by due_at desc, id
                        """)
                .param("user", userId)
                .query((rs, i) -> new UserMessage(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("channel"),
                        rs.getString("campaign_id"),
                        rs.getString("body"),
                        rs.getString("status"),
                        rs.getTimestamp("due_at").toInstant(),
                        rs.getTimestamp("sent_at") == null
                                ? null
                                : rs.getTimestamp("sent_at").toInstant()))
                .list();
    }
}
