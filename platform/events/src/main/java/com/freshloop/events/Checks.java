package com.freshloop.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A small fluent collector of {@link Violation}s used by event records to state their rules. */
public final class Checks {

    public static final int MAX_TEXT = 2_000;

    private final List<Violation> violations = new ArrayList<>();

    public static Checks start() {
        return new Checks();
    }

    public Checks notBlank(String field, String value) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > MAX_TEXT) {
            violations.add(new Violation(field, "must be at most " + MAX_TEXT + " characters"));
        }
        return this;
    }

    public Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            violations.add(new Violation(field, "must be at most " + max + " characters"));
        }
        return this;
    }

    public Checks notNull(String field, Object value) {
        if (value == null) {
            violations.add(new Violation(field, "must not be null"));
        }
        return this;
    }

    public Checks positive(String field, long value) {
        if (value <= 0) {
            violations.add(new Violation(field, "must be greater than 0"));
        }
        return this;
    }

    public Checks between(String field, long value, long min, long max) {
        if (value < min || value > max) {
            violations.add(new Violation(field, "must be between " + min + " and " + max));
        }
        return this;
    }

    public Checks notNegative(String field, BigDecimal value) {
        if (value == null) {
            violations.add(new Violation(field, "must not be null"));
        } else if (value.signum() < 0) {
            violations.add(new Violation(field, "must not be negative"));
        }
        return this;
    }

    public Checks notEmpty(String field, Collection<?> value) {
        if (value == null || value.isEmpty()) {
            violations.add(new Violation(field, "must not be empty"));
        }
        return this;
    }

    public Checks that(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new Violation(field, message));
        }
        return this;
    }

    /** Adds the violations of a nested element, e.g. {@code lines[0].sku}. */
    public Checks nested(String prefix, List<Violation> nested) {
        nested.forEach(v -> violations.add(v.under(prefix)));
        return this;
    }

    public List<Violation> done() {
        return List.copyOf(violations);
    }
}
