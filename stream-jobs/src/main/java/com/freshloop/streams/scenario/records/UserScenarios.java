package com.freshloop.streams.scenario.records;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A shopper's region and the scenario tags they hold. Never changed; every update returns a new one.
 *
 * @param region where their newest order went, or {@code null}
 * @param since when they were first seen in that region (epoch millis): assignments there are dated no
 *     earlier and their ids include it, so moving away and back makes new ones
 * @param lastSeen their newest order, epoch millis
 * @param tags the scenario tags held
 * @param causes the context event (and region stay) that justified each
 * @param expiresAt when each expires, epoch millis
 * @param assignedAt when each was dated, epoch millis
 */
public record UserScenarios(
        String region, long since, long lastSeen, String[] tags, String[] causes, long[] expiresAt, long[] assignedAt) {

    public static UserScenarios none() {
        return new UserScenarios(
                null, Long.MIN_VALUE, Long.MIN_VALUE, new String[0], new String[0], new long[0], new long[0]);
    }

    public UserScenarios seen(long time) {
        return new UserScenarios(region, since, Math.max(lastSeen, time), tags, causes, expiresAt, assignedAt);
    }

    public UserScenarios movedTo(String newRegion, long time) {
        return new UserScenarios(newRegion, time, time, tags, causes, expiresAt, assignedAt);
    }

    /** The index of {@code tag}, or -1. */
    public int indexOf(String tag) {
        return Arrays.asList(tags).indexOf(tag);
    }

    /** With exactly these tags held. */
    public UserScenarios holding(List<Held> held) {
        return new UserScenarios(
                region,
                since,
                lastSeen,
                held.stream().map(Held::tag).toArray(String[]::new),
                held.stream().map(Held::cause).toArray(String[]::new),
                held.stream().mapToLong(Held::expiresAt).toArray(),
                held.stream().mapToLong(Held::assignedAt).toArray());
    }

    /**
     * One tag held.
     *
     * @param tag the tag
     * @param cause what justified it
     * @param expiresAt when it expires
     * @param assignedAt when it was dated
     */
    public record Held(String tag, String cause, long expiresAt, long assignedAt) {}

    @Override
    public boolean equals(Object other) {
        return other instanceof UserScenarios that
                && Objects.equals(region, that.region)
                && since == that.since
                && lastSeen == that.lastSeen
                && Arrays.equals(tags, that.tags)
                && Arrays.equals(causes, that.causes)
                && Arrays.equals(expiresAt, that.expiresAt)
                && Arrays.equals(assignedAt, that.assignedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, since, Arrays.hashCode(tags));
    }

    @Override
    public String toString() {
        return "UserScenarios[region=" + region + ", since=" + since + ", tags=" + Arrays.toString(tags) + "]";
    }
}
