package com.freshloop.marketing.messages;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message to a shopper as the shopper sees it.
 *
 * @param status {@code pending} (scheduled for {@code dueAt}) or {@code sent} (at {@code sentAt})
 */
public record UserMessage(
        UUID id,
        String kind,
        String channel,
        @Nullable String campaignId,
        String body,
        String status,
        Instant dueAt,
        @Nullable Instant sentAt) {}
