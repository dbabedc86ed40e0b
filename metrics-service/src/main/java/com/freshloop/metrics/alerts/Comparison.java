package com.freshloop.metrics.alerts;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When a rule is breached. */
public enum Comparison {
    /** value < baseline x (1 - threshold): e.g. threshold 0.05 = 5 % below the trailing baseline */
    RELATIVE_DROP,
    /** value > baseline x (1 + threshold) */
    RELATIVE_RISE,
    /** value < threshold */
    BELOW,
    /** value > threshold */
    ABOVE;

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean relative() {
        return this == RELATIVE_DROP || this == RELATIVE_RISE;
    }

    public static Optional<Comparison> parse(String value) {
        return Arrays.stream(values()).filter(c -> c.param().equals(value)).findFirst();
    }

    /**
     * @param reference the baseline for relative comparisons, ignored otherwise
     */
    boolean breached(double value, double reference, double threshold) {
        return switch (this) {
            case RELATIVE_DROP -> value < reference * (1 - threshold);
            case RELATIVE_RISE -> value > reference * (1 + threshold);
            case BELOW -> value < threshold;
            case ABOVE -> value > threshold;
        };
    }
}
