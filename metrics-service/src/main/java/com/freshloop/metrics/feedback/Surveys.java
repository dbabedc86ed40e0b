package com.freshloop.metrics.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.freshloop.metrics.clickhouse.ClickHouseTemplate;
import com.freshloop.metrics.clickhouse.Sql;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Survey answers in {@code survey_responses}, and their aggregation. Counts are of distinct (user,
 * response id) pairs, so a retried submission (same response id) counts once, and a shopper who
 * reuses someone else's response id cannot make that person's answer disappear.
 */
@Component
public class Surveys {

    static final String TABLE = "survey_responses";

    /** The tag profile-service gives a user whose reviews or chats are negative about an aspect. */
    public static final String UNHAPPY_TAG_PREFIX = "unhappy:";

    /**
     * @param responseId the client's id of this answer (idempotency key)
     * @param reasons codes from {@link SurveyCodes#REASONS}
     * @param blockers codes from {@link SurveyCodes#BLOCKERS}
     * @param comment free text, may be empty
     * @param orderId the order that brought them back, may be empty
     */
    public record Answer(
            UUID responseId, List<String> reasons, List<String> blockers, String comment, String orderId) {}

    /**
     * @param code the answer code
     * @param responses responses naming it
     * @param share of all responses in the period
     */
    public record CodeCount(String code, long responses, double share) {}

    /**
     * @param at when
     * @param reasons the reasons given with it
     * @param text the comment
     */
    public record Comment(Instant at, List<String> reasons, String text) {}

    /**
     * @param responses distinct responses
     * @param respondents distinct users
     * @param reasons per reason code, most named first
     * @param blockers per blocker code, most named first
     * @param comments the latest comments, newest first
     */
    public record Summary(
            long responses,
            long respondents,
            List<CodeCount> reasons,
            List<CodeCount> blockers,
            List<Comment> comments) {}

    /**
     * @param aspect e.g. {@code delivery_speed}
     * @param surveyMentions responses naming it as a blocker
     * @param taggedUsers users tagged {@code unhappy:<aspect>} in the period
     */
    public record Blocker(String aspect, long surveyMentions, long taggedUsers) {}

    record Row(
            @JsonProperty("response_id") UUID responseId,
            @JsonProperty("user_id") String userId,
            @JsonProperty("answered_at") String answeredAt,
            List<String> reasons,
            List<String> blockers,
            String comment,
            @JsonProperty("order_id") String orderId) {}

    record Totals(long responses, long respondents) {}

    /**
     * One of a shopper's own answers.
     *
     * @param responseId the answer's id
     * @param answeredAt when it was recorded (the first time, if it was retried)
     */
    public record OwnAnswer(
            UUID responseId,
            Instant answeredAt,
            List<String> reasons,
            List<String> blockers,
            String comment,
            String orderId) {}

    record OwnRow(
            UUID responseId,
            long answeredAt,
            List<String> answerReasons,
            List<String> answerBlockers,
            String commentText,
            String answerOrderId) {}

    record Count(String code, long responses) {}

    // aliases differ from the columns: ClickHouse would read `comment` in WHERE as the aggregate
    record CommentRow(long answeredAt, List<String> answerReasons, String commentText) {}

    private final ClickHouseTemplate clickHouse;
    private final Clock clock;

    public Surveys(ClickHouseTemplate clickHouse, Clock clock) {
        this.clickHouse = clickHouse;
        this.clock = clock;
    }

    /** Stores the answer as the user's; returns when it was recorded. */
    public Instant record(String userId, Answer answer) {
        Instant now = clock.instant();
        clickHouse.insert(
                TABLE,
                List.of(new Row(
                        answer.responseId(),
                        userId,
                        Sql.dateTimeValue(now),
                        answer.reasons(),
                        answer.blockers(),
                        answer.comment(),
                        answer.orderId())));
        return now;
    }

    /** The user's own answers, newest first (at most {@code limit}); nobody else's. */
    public List<OwnAnswer> answersOf(String userId, int limit) {
        return clickHouse
                .query(
                        "SELECT response_id AS responseId, toUnixTimestamp(min(answered_at)) AS answeredAt,"
                                + " any(reasons) AS answerReasons, any(blockers) AS answerBlockers, any(comment) AS"
                                + " commentText, any(order_id) AS answerOrderId FROM " + TABLE + " WHERE user_id = "
                                + Sql.string(userId) + " GROUP BY response_id ORDER BY answeredAt DESC, responseId"
                                + " LIMIT " + limit,
                        OwnRow.class)
                .stream()
                .map(r -> new OwnAnswer(
                        r.responseId(),
                        Instant.ofEpochSecond(r.answeredAt()),
                        r.answerReasons(),
                        r.answerBlockers(),
                        r.commentText(),
                        r.answerOrderId()))
                .toList();
    }

    public Summary summary(Instant from, Instant to, int comments) {
        String where = " WHERE answered_at >= " + Sql.dateTime(from) + " AND answered_at < " + Sql.dateTime(to);
        Totals totals = clickHouse
                .query(
                        "SELECT uniqExact(user_id, response_id) AS responses, uniqExact(user_id) AS respondents FROM "
                                + TABLE + where,
                        Totals.class)
                .get(0);
        List<Comment> latest = clickHouse
                .query(
                        "SELECT toUnixTimestamp(any(answered_at)) AS answeredAt, any(reasons) AS answerReasons, any(comment)"
                                + " AS commentText FROM " + TABLE + where
                                + " AND comment != '' GROUP BY user_id, response_id ORDER BY"
                                + " answeredAt DESC LIMIT " + comments,
                        CommentRow.class)
                .stream()
                .map(c -> new Comment(Instant.ofEpochSecond(c.answeredAt()), c.answerReasons(), c.commentText()))
                .toList();
        return new Summary(
                totals.responses(),
                totals.respondents(),
                counts("reasons", where, totals.responses()),
                counts("blockers", where, totals.responses()),
                latest);
    }

    /**
     * Blockers per aspect: survey answers, and users tagged {@code unhappy:<aspect>} (from
     * profile-service's text analysis, once those tags are published as {@code tag.assigned}).
     */
    public List<Blocker> blockers(Instant from, Instant to) {
        String where = " WHERE answered_at >= " + Sql.dateTime(from) + " AND answered_at < " + Sql.dateTime(to);
        Map<String, long[]> byAspect = new LinkedHashMap<>();
        for (CodeCount c : counts("blockers", where, 0)) {
            byAspect.computeIfAbsent(c.code(), k -> new long[2])[0] = c.responses();
        }
        String tags = "SELECT substring(tagName, " + (UNHAPPY_TAG_PREFIX.length() + 1) + ") AS code, uniqExact(subject)"
                + " AS responses FROM (SELECT subject, visitParamExtractString(data, 'tag') AS tagName FROM events WHERE"
                + " type = 'tag.assigned' AND event_time >= " + Sql.dateTime(from) + " AND event_time < "
                + Sql.dateTime(to) + ") WHERE startsWith(tagName, " + Sql.string(UNHAPPY_TAG_PREFIX)
                + ") GROUP BY code";
        for (Count c : clickHouse.query(tags, Count.class)) {
            byAspect.computeIfAbsent(c.code(), k -> new long[2])[1] = c.responses();
        }
        List<Blocker> blockers = new ArrayList<>();
        byAspect.forEach((aspect, n) -> blockers.add(new Blocker(aspect, n[0], n[1])));
        blockers.sort(
                (a, b) -> Long.compare(b.surveyMentions() + b.taggedUsers(), a.surveyMentions() + a.taggedUsers()));
        return blockers;
    }

    private List<CodeCount> counts(String column, String where, long total) {
        return clickHouse
                .query(
                        "SELECT code, uniqExact(user_id, response_id) AS responses FROM " + TABLE + " ARRAY JOIN "
                                + column + " AS code" + where + " GROUP BY code ORDER BY responses DESC, code",
                        Count.class)
                .stream()
                .map(c -> new CodeCount(c.code(), c.responses(), total == 0 ? 0 : c.responses() / (double) total))
                .toList();
    }
}
