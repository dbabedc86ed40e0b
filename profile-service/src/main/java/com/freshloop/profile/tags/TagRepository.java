package com.freshloop.profile.tags;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    private final JdbcClient jdbc;

    TagRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates a tag unless a newer observation of it is already stored (out-of-order events). */
    void upsert(String userId, String tag, double score, Instant expiresAt, String job, Instant eventTime) {
        jdbc.sql("""
                        insert into user_tag (user_id, tag, score, expires_at, job, event_time)
                        values (:user, :tag, :score, :expires, :job, :time)
                        on conflict (user_id, tag) do update
                           set score = excluded.score, expires_at = excluded.expires_at, job = excluded.job,
                               event_time = excluded.event_time, updated_at = now()
                         where user_tag.event_time <= excluded.event_time
                        """)
                .param("user", userId)
                .param("tag", tag)
                .param("score", score)
                .param("expires", Timestamp.from(expiresAt))
                .param("job", job)
                .param("time", Timestamp.from(eventTime))
                .update();
    }

    void delete(String userId, String tag, Instant eventTime) {
        jdbc.sql("delete from user_tag where user_id = :user and tag = :tag and event_time <= :time")
                .param("user", userId)
                .param("tag", tag)
                .param("time", Timestamp.from(eventTime))
                .update();
    }

    List<UserTag> activeTags(String userId, Instant now) {
        return jdbc.sql("""
                        select tag, score, expires_at, job, event_time from user_tag
                         where user_id = :user and expires_at > :now
                         order by tag
                        """)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .query((rs, i) -> new UserTag(
                        rs.getString("tag"),
                        rs.getDouble("score"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("job"),
                        rs.getTimestamp("event_time").toInstant()))
                .list();
    }

    int purgeExpired(Instant now) {
        return jdbc.sql("delete from user_tag where expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
    }
}
