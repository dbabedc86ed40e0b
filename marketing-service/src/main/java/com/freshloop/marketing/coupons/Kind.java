package com.freshloop.marketing.coupons;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a coupon gives; the wire and database name is the lower-case constant name. */
public enum Kind {
    NO_THRESHOLD,
    SPEND_SAVE,
    PERCENTAGE,
    FREE_GIFT;

    public static final String PATTERN = "no_threshold|spend_save|percentage|free_gift";

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Kind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }
}
