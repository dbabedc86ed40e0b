package com.freshloop.marketing.campaigns;

import com.freshloop.marketing.audience.AudienceRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A campaign: who (audience), what (coupon templates), and the share held out as control. */
public record Campaign(
        UUID id,
        String name,
        AudienceRule audience,
        List<UUID> templateIds,
        double controlShare,
        String createdBy,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastRunAt) {}
