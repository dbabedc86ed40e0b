package com.freshloop.marketing.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Schedules messages at each user's active hour (local to the configured zone, never in quiet hours) and
 * sends the due ones through the {@link MessageSender}, within the per-day and per-week caps; a message
 * over a cap moves to the user's send hour on the next day.
 */
@Service
public class Messages {

    public static final String WINBACK = "winback";
    public static final String BACK_IN_STOCK = "back_in_stock";
    public static final String COUPON_EXPIRY = "coupon_expiry";
    public static final String APP_PUSH = "app_push";
    private static final int BATCH = 200;

    private final MessageRepository repository;
    private final MessageSender sender;
    private final MessageProperties properties;
    private final Clock clock;

    Messages(MessageRepository repository, MessageSender sender, MessageProperties properties, Clock clock) {
        this.repository = repository;
        this.sender = sender;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Schedules an app push at the user's next send hour; idempotent by {@code dedupeKey}.
     *
     * @param activeHour the user's active hour, or null for the default
     * @return when it is due, or null if a message with this key was scheduled before
     */
    @Transactional
    public @Nullable Instant schedule(
            String userId,
            String kind,
            @Nullable String campaignId,
            String body,
            @Nullable Integer activeHour,
            String dedupeKey) {
        int hour = activeHour == null ? properties.defaultActiveHour() : activeHour;
        Instant now = now();
        Instant due = SendTimes.next(now, hour, properties.zone(), properties.quietFrom(), properties.quietUntil());
        boolean scheduled = repository.insert(
                UUID.randomUUID(), userId, kind, APP_PUSH, campaignId, body, hour, due, dedupeKey, now);
        return scheduled ? due : null;
    }

    /** Sends what is due; returns how many were sent. Also called directly by tests that move the clock. */
    @Scheduled(fixedDelayString = "${freshloop.marketing.messages.send-interval:PT30S}")
    @Transactional
    public int sendDue() {
        Instant now = now();
        Instant today = SendTimes.startOfDay(now, properties.zone());
        int sent = 0;
        for (MessageRepository.Due due : repository.lockDue(now, BATCH)) {
            OutgoingMessage m = due.message();
            if (repository.sentSince(m.userId(), today) >= properties.perDay()
                    || repository.sentSince(m.userId(), now.minus(Duration.ofDays(7))) >= properties.perWeek()) {
                repository.postpone(
                        m.id(),
                        SendTimes.nextDay(
                                now,
                                due.activeHour(),
                                properties.zone(),
                                properties.quietFrom(),
                                properties.quietUntil()));
                continue;
            }
            sender.send(m);
            repository.markSent(m.id(), now);
            sent++;
        }
        return sent;
    }

    /** The user's messages, sent and scheduled, latest first. */
    @Transactional(readOnly = true)
    public List<UserMessage> of(String userId) {
        return repository.of(userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
