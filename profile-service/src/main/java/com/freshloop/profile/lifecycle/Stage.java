package com.freshloop.profile.lifecycle;

import java.time.Duration;
import java.time.Instant;

/**
 * Lifecycle stages by time since the last order (the thresholds are configurable; these are the
 * defaults):
 *
 * <ul>
 *   <li>{@code new}: one order so far, placed within the last 30 days;
 *   <li>{@code active}: last order less than 21 days ago (and more than one order);
 *   <li>{@code at_risk}: last order 21 to 29 days ago;
 *   <li>{@code silent_30d}: no order for 30 days (marketing's win-back listens to this);
 *   <li>{@code churned}: no order for 90 days.
 * </ul>
 */
public enum Stage {
    NEW("new"),
    ACTIVE("active"),
    AT_RISK("at_risk"),
    SILENT_30D("silent_30d"),
    CHURNED("churned");

    private final String code;

    Stage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Stage fromCode(String code) {
        for (Stage s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown lifecycle stage " + code);
    }

    /** Stage thresholds. */
    public record Rules(Duration atRiskAfter, Duration silentAfter, Duration churnedAfter) {

        public static Rules defaults() {
            return new Rules(Duration.ofDays(21), Duration.ofDays(30), Duration.ofDays(90));
        }

        public Stage of(long orders, Instant lastOrderAt, Instant now) {
            if (orders <= 0 || lastOrderAt == null) {
                return NEW;
            }
            Duration since = Duration.between(lastOrderAt, now);
            if (since.compareTo(churnedAfter) >= 0) {
                return CHURNED;
            }
            if (since.compareTo(silentAfter) >= 0) {
                return SILENT_30D;
            }
            if (since.compareTo(atRiskAfter) >= 0) {
                return AT_RISK;
            }
            return orders == 1 ? NEW : ACTIVE;
        }
    }
}
