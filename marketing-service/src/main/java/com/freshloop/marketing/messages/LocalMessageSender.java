package com.freshloop.marketing.messages;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.marketing.v1.MessageSent;
import com.freshloop.starter.outbox.EventOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The local channel: records the message in {@code sent_message} and publishes MessageSent. */
@Component
class LocalMessageSender implements MessageSender {

    private final JdbcClient jdbc;
    private final EventOutbox outbox;
    private final Clock clock;

    LocalMessageSender(JdbcClient jdbc, EventOutbox outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void send(OutgoingMessage m) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        insert into sent_message (id, user_id, kind, channel, campaign_id, body, sent_at)
                        values (:id, :user, :kind, :channel, :campaign, :body, :at)
                        on conflict (id) do nothing
                        """)
                .param("id", m.id())
                .param("user", m.userId())
                .param("kind", m.kind())
                .param("channel", m.channel())
                .param("campaign", m.campaignId())
                .param("body", m.body())
                .param("at", Timestamp.from(now))
                .update();
        outbox.publish(EventEnvelope.of(
                "marketing-service",
                m.userId(),
                now,
                new MessageSent(m.id().toString(), m.channel(), m.campaignId(), m.kind())));
    }
}
