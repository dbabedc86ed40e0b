package com.freshloop.profile.tags;

import java.time.Instant;

/** A tag a user holds now, with how strongly and until when. */
public record UserTag(String tag, double score, Instant expiresAt, String job, Instant observedAt) {}
