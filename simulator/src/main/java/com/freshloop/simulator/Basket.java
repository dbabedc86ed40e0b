package com.freshloop.simulator;

import java.time.LocalDate;
import java.util.List;

/**
 * One basket as in the data set: a member on one date, with the item names bought (an item bought
 * twice appears twice).
 *
 * @param member member number from the data set
 * @param date the shopping day (unshifted)
 * @param items item names, readable (e.g. {@code whole milk})
 */
public record Basket(int member, LocalDate date, List<String> items) {

    /** The default shoppers' id prefix. */
    public static final String DEFAULT_COHORT = "g-";

    private static volatile String cohort = DEFAULT_COHORT;

    /**
     * Sets the prefix of every shopper id of this process (the simulator's {@code --cohort}): a run with a
     * new prefix replays new shoppers, a run with the same prefix is de-duplicated by the collector.
     */
    public static void useCohort(String prefix) {
        cohort = prefix;
    }

    /** The platform user id of a data-set member, e.g. {@code g-1808}. */
    public static String userId(int member) {
        return cohort + member;
    }
}
