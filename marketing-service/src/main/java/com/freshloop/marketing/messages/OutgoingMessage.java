package com.freshloop.marketing.messages;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message due to go out now. */
public record OutgoingMessage(
        UUID id,
        String userId,
        String kind,
        String channel,
        @Nullable String campaignId,
        String body) {}
