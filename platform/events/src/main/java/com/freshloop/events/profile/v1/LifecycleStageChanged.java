package com.freshloop.events.profile.v1;

import java.time.Instant;

/**
 * A user moved to another lifecycle stage.
 *
 * @param from previous stage, null for a new user
 * @param to new stage: {@code new}, {@code active}, {@code at_risk}, {@code silent_30d}, {@code churned}
 * @param lastOrderAt the user's last order, if any
 */
public record LifecycleStageChanged(String from, String to, Instant lastOrderAt) implements ProfileEvent {}
