package com.freshloop.recommendation.serving;

import com.freshloop.recommendation.model.NextBasketRanker;
import com.freshloop.recommendation.model.PurchaseProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/** The sentences shoppers read next to an item. */
final class Reasons {

    static final String POPULAR = "popular with other shoppers";

    private Reasons() {}

    static String strategy(NextBasketRanker.Source source) {
        return switch (source) {
            case REPURCHASE -> "repurchase";
            case SIMILAR_SHOPPERS -> "similar_shoppers";
            case BOUGHT_WITH -> "bought_with";
            case ALSO_BOUGHT -> "also_bought";
            case POPULAR -> "popular";
        };
    }

    static String of(
            NextBasketRanker.Source source,
            String name,
            @Nullable String evidenceName,
            PurchaseProfile.@Nullable ItemStats stats,
            double today) {
        return switch (source) {
            case REPURCHASE -> stats == null ? POPULAR : repurchase(name, stats, today);
            case BOUGHT_WITH -> evidenceName == null ? "often bought together" : "often bought with " + evidenceName;
            case ALSO_BOUGHT ->
                evidenceName == null
                        ? "shoppers who buy what you buy also buy it"
                        : "shoppers who buy " + evidenceName + " also buy it";
            case SIMILAR_SHOPPERS -> "popular with shoppers who buy what you buy";
            case POPULAR -> POPULAR;
        };
    }

    /** "you buy milk about every 5 days" when a rhythm is known, else how often and how long ago. */
    static String repurchase(String name, PurchaseProfile.ItemStats stats, double today) {
        if (stats.baskets() >= 2 && stats.meanGapDays() >= 0.5) {
            return every(name, stats.meanGapDays());
        }
        long days = Math.max(0, (long) Math.floor(today) - stats.lastDay());
        String when = days == 0 ? "earlier today" : days == 1 ? "yesterday" : days + " days ago";
        return stats.baskets() == 1
                ? "you bought " + name + " " + when
                : "you bought " + name + " " + times(stats.baskets()) + ", last " + when;
    }

    static String every(String name, double cycleDays) {
        long days = Math.round(cycleDays);
        if (days <= 1) {
            return "you buy " + name + " about every day";
        }
        if (days % 7 == 0 && days <= 28) {
            long weeks = days / 7;
            return "you buy " + name + " about every " + (weeks == 1 ? "week" : weeks + " weeks");
        }
        return "you buy " + name + " about every " + days + " days";
    }

    static String goesWith(String name) {
        return "often bought with " + name;
    }

    static String viewed(String name) {
        return "goes with " + name + ", which you looked at";
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    static double today(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).toEpochDay()
                + now.atZone(zone).toLocalTime().toSecondOfDay() / 86_400.0;
    }
}
