package com.freshloop.marketing.reminders;

import com.freshloop.marketing.messages.Messages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds available coupons that expire within the configured lead time and schedules one reminder each
 * (idempotent by coupon id) at the holder's active hour; the message scheduler applies quiet hours and caps.
 */
@Service
public class ExpiryReminders {

    private record Expiring(
            UUID couponId,
            String userId,
            @Nullable String campaignId,
            String name,
            @Nullable Integer activeHour) {}

    private final JdbcClient jdbc;
    private final Messages messages;
    private final Clock clock;
    private final Duration before;

    ExpiryReminders(
            JdbcClient jdbc,
            Messages messages,
            Clock clock,
            @Value("${freshloop.marketing.reminders.before:P2D}") Duration before) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.clock = clock;
        this.before = before;
    }

    /** Schedules the reminders now due to be scheduled; returns how many were new. */
    @Scheduled(fixedDelayString = "${freshloop.marketing.reminders.scan-interval:PT10M}")
    @Transactional
    public int scheduleReminders() {
        Instant now = clock.instant();
        // A coupon whose expiry is closer than the lead time still gets its reminder, at the next send hour.
        var expiring = jdbc.sql("""
                        select c.id, c.user_id, c.campaign_id, t.name, s.active_hour
                          from coupon c
                          join coupon_template t on t.id = c.template_id
                          left join shopper s on s.user_id = c.user_id
                         where c.status = 'available' and c.expires_at > :now and c.expires_at <= :until
                           and not exists (select 1 from scheduled_message m
                                            where m.dedupe_key = 'coupon_expiry:' || c.id::text)
                         order by c.expires_at
                         limit 1000
                        """)
                .param("now", Timestamp.from(now))
                .param("until", Timestamp.from(now.plus(before)))
                .query((rs, i) -> new Expiring(
                        rs.getObject("id", UUID.class),
                        rs.getString("user_id"),
                        rs.getString("campaign_id"),
                        rs.getString("name"),
                        (Integer) rs.getObject("active_hour")))
                .list();
        int scheduled = 0;
        for (Expiring e : expiring) {
            Instant due = messages.schedule(
                    e.userId(),
                    Messages.COUPON_EXPIRY,
                    e.campaignId(),
                    "Your coupon \"" + e.name() + "\" expires soon; use it before it is gone.",
                    e.activeHour(),
                    "coupon_expiry:" + e.couponId());
            if (due != null) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
