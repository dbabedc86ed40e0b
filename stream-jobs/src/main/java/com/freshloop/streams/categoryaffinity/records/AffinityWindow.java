package com.freshloop.streams.categoryaffinity.records;

import com.freshloop.streams.categoryaffinity.CategoryAffinitySettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One shopper's sliding window of category weights, in panes of one day, and the interests last
 * published. Never changed; every update returns a new window.
 *
 * @param days the pane (epoch day) of each entry
 * @param categories the category of each entry
 * @param weights the weight of each entry; one entry per pane and category
 * @param currentDay the day the window ends with (today, as far as this shopper is concerned), or
 *     {@link #NONE} before the first event
 * @param lastActiveDay the newest day with an event
 * @param renewedDay the day all interests were last published again (to renew their expiry)
 * @param tagged the categories published as interests, sorted
 * @param asOf the newest time seen (event or day boundary), epoch millis; what emitted tags are dated by
 */
public record AffinityWindow(
        long[] days,
        String[] categories,
        double[] weights,
        long currentDay,
        long lastActiveDay,
        long renewedDay,
        String[] tagged,
        long asOf) {

    public static final long NONE = Long.MIN_VALUE;

    public static AffinityWindow empty() {
        return new AffinityWindow(new long[0], new String[0], new double[0], NONE, NONE, NONE, new String[0], NONE);
    }

    public boolean isEmpty() {
        return days.length == 0;
    }

    /** The window ending with {@code day}: panes that fall out of the last {@code windowDays} days are gone. */
    public AffinityWindow slideTo(long day, int windowDays) {
        long oldest = day - windowDays + 1;
        int kept = 0;
        for (long d : days) {
            if (d >= oldest) {
                kept++;
            }
        }
        long[] nextDays = new long[kept];
        String[] nextCategories = new String[kept];
        double[] nextWeights = new double[kept];
        for (int i = 0, j = 0; i < days.length; i++) {
            if (days[i] >= oldest) {
                nextDays[j] = days[i];
                nextCategories[j] = categories[i];
                nextWeights[j++] = weights[i];
            }
        }
        return new AffinityWindow(nextDays, nextCategories, nextWeights, day, lastActiveDay, renewedDay, tagged, asOf);
    }

    /** {@code weight} more for {@code category} in the pane of {@code day}. */
    public AffinityWindow add(long day, String category, double weight) {
        for (int i = 0; i < days.length; i++) {
            if (days[i] == day && categories[i].equals(category)) {
                double[] nextWeights = weights.clone();
                nextWeights[i] += weight;
                return new AffinityWindow(
                        days, categories, nextWeights, currentDay, lastActiveDay, renewedDay, tagged, asOf);
            }
        }
        long[] nextDays = Arrays.copyOf(days, days.length + 1);
        String[] nextCategories = Arrays.copyOf(categories, categories.length + 1);
        double[] nextWeights = Arrays.copyOf(weights, weights.length + 1);
        nextDays[days.length] = day;
        nextCategories[days.length] = category;
        nextWeights[days.length] = weight;
        return new AffinityWindow(
                nextDays, nextCategories, nextWeights, currentDay, lastActiveDay, renewedDay, tagged, asOf);
    }

    /** The weight of each category over the window, by name. */
    public Map<String, Double> totals() {
        Map<String, Double> totals = new TreeMap<>();
        for (int i = 0; i < days.length; i++) {
            totals.merge(categories[i], weights[i], Double::sum);
        }
        return totals;
    }

    /**
     * The categories that are interests now, heaviest first (ties by name), with their share of the
     * window's weight: nothing before the window holds {@code minTotalWeight}; then the heaviest
     * {@code maxTags} with at least {@code minWeight} and a share of {@code minShare}, or of
     * {@code keepShare} for a category that is an interest already.
     */
    public Map<String, Double> interests(CategoryAffinitySettings settings) {
        Map<String, Double> totals = totals();
        double all = totals.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> interests = new LinkedHashMap<>();
        if (all < settings.minTotalWeight()) {
            return interests;
        }
        List<Map.Entry<String, Double>> ranked = new ArrayList<>(totals.entrySet());
        ranked.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Double> entry : ranked) {
            double share = entry.getValue() / all;
            boolean held = Arrays.binarySearch(tagged, entry.getKey()) >= 0;
            if (interests.size() < settings.maxTags()
                    && entry.getValue() >= settings.minWeight()
                    && share >= (held ? settings.keepShare() : settings.minShare())) {
                interests.put(entry.getKey(), share);
            }
        }
        return interests;
    }

    public AffinityWindow active(long day, long time) {
        return new AffinityWindow(
                days,
                categories,
                weights,
                currentDay,
                lastActiveDay == NONE ? day : Math.max(lastActiveDay, day),
                renewedDay,
                tagged,
                Math.max(asOf, time));
    }

    public AffinityWindow at(long time) {
        return new AffinityWindow(
                days, categories, weights, currentDay, lastActiveDay, renewedDay, tagged, Math.max(asOf, time));
    }

    public AffinityWindow published(String[] nowTagged, long renewed) {
        return new AffinityWindow(days, categories, weights, currentDay, lastActiveDay, renewed, nowTagged, asOf);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AffinityWindow that
                && Arrays.equals(days, that.days)
                && Arrays.equals(categories, that.categories)
                && Arrays.equals(weights, that.weights)
                && currentDay == that.currentDay
                && lastActiveDay == that.lastActiveDay
                && renewedDay == that.renewedDay
                && Arrays.equals(tagged, that.tagged)
                && asOf == that.asOf;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(days), Arrays.hashCode(categories), currentDay, asOf);
    }

    @Override
    public String toString() {
        return "AffinityWindow[days=" + Arrays.toString(days) + ", categories=" + Arrays.toString(categories)
                + ", weights=" + Arrays.toString(weights) + ", currentDay=" + currentDay + ", tagged="
                + Arrays.toString(tagged) + "]";
    }
}
