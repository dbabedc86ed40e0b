package com.freshloop.recommendation.rules;

import org.jspecify.annotations.Nullable;

/**
 * What a rule can look at when a list is served.
 *
 * @param context {@code home}, {@code cart} or {@code product}
 * @param localHour the hour in the shop's time zone
 * @param weather the latest weather of the shopper's region, if known
 * @param lifecycle {@code new}, {@code regular} or {@code occasional}
 */
public record Situation(
        String context, int localHour, @Nullable Weather weather, String lifecycle) {

    /** The shopper's lifecycle from the number of orders they placed. */
    public static String lifecycle(int orders) {
        if (orders == 0) {
            return "new";
        }
        return orders >= 3 ? "regular" : "occasional";
    }

    /**
     * A weather observation. {@code hot} and {@code cold} compare the temperature with the thresholds,
     * anything else the reported condition.
     */
    public record Weather(double temperatureC, String condition, double hotFrom, double coldUpTo) {

        public boolean is(String wanted) {
            return switch (wanted) {
                case "hot" -> temperatureC >= hotFrom;
                case "cold" -> temperatureC <= coldUpTo;
                default -> wanted.equalsIgnoreCase(condition);
            };
        }
    }
}
