package com.freshloop.profile.clustering;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names clusters from their standardised centroids (z-scores) by fixed rules, so the names mean the
 * same thing model after model:
 *
 * <ol>
 *   <li>Price attitude: coupon share z &gt; 0.5 or average unit price z &lt; -0.5 gives
 *       "price-sensitive"; unit price z &gt; 0.5 with coupon share z &le; 0 gives "quality-first";
 *       fresh share z &gt; 0.5 gives "fresh-focused"; otherwise none.
 *   <li>Who shops: basket size z &gt; 0.5 gives "family"; basket size z &lt; -0.3 and a preferred hour
 *       in the evening gives "young professional"; basket size z &lt; -0.3 otherwise "single shopper";
 *       otherwise "household".
 *   <li>Engagement, added first: frequency z &gt; 0.8 "loyal", recency z &gt; 0.8 "lapsing",
 *       frequency z &lt; -0.5 "occasional".
 * </ol>
 *
 * If two clusters get the same name, the second is told apart by its strongest remaining trait.
 */
public final class ClusterNamer {

    private ClusterNamer() {}

    public static List<String> names(double[][] centroids, BehaviourFeatures.Scaler scaler) {
        List<String> names = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (double[] z : centroids) {
            String name = name(z, scaler);
            if (used.contains(name)) {
                name = name + " (" + strongestTrait(z, scaler) + ")";
            }
            int suffix = 2;
            String unique = name;
            while (used.contains(unique)) {
                unique = name + " " + suffix++;
            }
            used.add(unique);
            names.add(unique);
        }
        return names;
    }

    static String name(double[] z, BehaviourFeatures.Scaler scaler) {
        List<String> words = new ArrayList<>();
        if (z[BehaviourFeatures.FREQUENCY] > 0.8) {
            words.add("loyal");
        } else if (z[BehaviourFeatures.RECENCY] > 0.8) {
            words.add("lapsing");
        } else if (z[BehaviourFeatures.FREQUENCY] < -0.5) {
            words.add("occasional");
        }
        if (z[BehaviourFeatures.COUPON] > 0.5 || z[BehaviourFeatures.UNIT_PRICE] < -0.5) {
            words.add("price-sensitive");
        } else if (z[BehaviourFeatures.UNIT_PRICE] > 0.5 && z[BehaviourFeatures.COUPON] <= 0) {
            words.add("quality-first");
        } else if (z[BehaviourFeatures.FRESH] > 0.5) {
            words.add("fresh-focused");
        }
        double basket = z[BehaviourFeatures.BASKET];
        if (basket > 0.5) {
            words.add("family");
        } else if (basket < -0.3 && isEvening(z, scaler)) {
            words.add("young professional");
        } else if (basket < -0.3) {
            words.add("single shopper");
        } else {
            words.add("household");
        }
        return String.join(" ", words);
    }

    /** The centroid's preferred hour, back from (sin, cos), is between 18:00 and 23:59. */
    static boolean isEvening(double[] z, BehaviourFeatures.Scaler scaler) {
        double sin = z[BehaviourFeatures.HOUR_SIN] * scaler.std()[BehaviourFeatures.HOUR_SIN]
                + scaler.mean()[BehaviourFeatures.HOUR_SIN];
        double cos = z[BehaviourFeatures.HOUR_COS] * scaler.std()[BehaviourFeatures.HOUR_COS]
                + scaler.mean()[BehaviourFeatures.HOUR_COS];
        double hour = (Math.toDegrees(Math.atan2(sin, cos)) / 15.0 + 24) % 24;
        return hour >= 18;
    }

    /** The centroid's most distinctive trait in words, to tell apart two clusters with the same name. */
    static String strongestTrait(double[] z, BehaviourFeatures.Scaler scaler) {
        int best = 0;
        for (int j = 1; j < z.length; j++) {
            if (Math.abs(z[j]) > Math.abs(z[best])) {
                best = j;
            }
        }
        boolean high = z[best] > 0;
        return switch (best) {
            case BehaviourFeatures.RECENCY -> high ? "long since last order" : "ordered recently";
            case BehaviourFeatures.FREQUENCY -> high ? "frequent" : "infrequent";
            case BehaviourFeatures.MONETARY -> high ? "big spender" : "small spender";
            case BehaviourFeatures.BASKET -> high ? "large baskets" : "small baskets";
            case BehaviourFeatures.UNIT_PRICE -> high ? "premium items" : "budget items";
            case BehaviourFeatures.FRESH -> high ? "mostly fresh food" : "mostly pantry";
            case BehaviourFeatures.COUPON -> high ? "coupon user" : "pays full price";
            default -> timeOfDay(z, scaler) + " shopper";
        };
    }

    static String timeOfDay(double[] z, BehaviourFeatures.Scaler scaler) {
        double sin = z[BehaviourFeatures.HOUR_SIN] * scaler.std()[BehaviourFeatures.HOUR_SIN]
                + scaler.mean()[BehaviourFeatures.HOUR_SIN];
        double cos = z[BehaviourFeatures.HOUR_COS] * scaler.std()[BehaviourFeatures.HOUR_COS]
                + scaler.mean()[BehaviourFeatures.HOUR_COS];
        double hour = (Math.toDegrees(Math.atan2(sin, cos)) / 15.0 + 24) % 24;
        if (hour >= 5 && hour < 11) {
            return "morning";
        }
        if (hour >= 11 && hour < 17) {
            return "afternoon";
        }
        return hour >= 17 && hour < 22 ? "evening" : "late-night";
    }
}
