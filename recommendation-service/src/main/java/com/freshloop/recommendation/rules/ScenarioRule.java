package com.freshloop.recommendation.rules;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A scenario rule.
 *
 * @param kind {@code time_of_day}, {@code weather} or {@code lifecycle}
 * @param startHour first local hour (0-23) of a time-of-day rule
 * @param endHour local hour (1-24) it ends before; a window may wrap midnight (22 to 6)
 * @param weather {@code hot}, {@code cold} or a condition such as {@code rain} for a weather rule
 * @param lifecycle {@code new} (no order yet) or {@code regular} (3 orders or more) for a lifecycle rule
 * @param context where it applies: {@code home}, {@code cart} or {@code any}
 * @param skus the items to show first; empty for a {@code regular} rule, which shows the shopper's items
 *     that are due (the repurchase reminder)
 * @param reason the text shown with the items
 * @param priority higher rules come first
 */
public record ScenarioRule(
        long id,
        String name,
        String kind,
        @Nullable Integer startHour,
        @Nullable Integer endHour,
        @Nullable String weather,
        @Nullable String lifecycle,
        String context,
        List<String> skus,
        String reason,
        int priority,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt) {

    public static final String TIME_OF_DAY = "time_of_day";
    public static final String WEATHER = "weather";
    public static final String LIFECYCLE = "lifecycle";

    /** Whether the rule applies in these circumstances. */
    public boolean matches(Situation situation) {
        if (!enabled || !(context.equals("any") || context.equals(situation.context()))) {
            return false;
        }
        return switch (kind) {
            case TIME_OF_DAY -> startHour != null && endHour != null && inWindow(situation.localHour());
            case WEATHER ->
                weather != null
                        && situation.weather() != null
                        && situation.weather().is(weather);
            case LIFECYCLE -> lifecycle != null && lifecycle.equals(situation.lifecycle());
            default -> false;
        };
    }

    private boolean inWindow(int hour) {
        return startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
    }
}
