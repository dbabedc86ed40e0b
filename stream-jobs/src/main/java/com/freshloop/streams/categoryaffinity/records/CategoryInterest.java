package com.freshloop.streams.categoryaffinity.records;

import java.util.Arrays;
import java.util.Objects;

/**
 * Interest a shopper showed in categories with one event.
 *
 * @param userId the shopper
 * @param eventId the behaviour event, from which the ids of the tags it causes are derived
 * @param eventTime when, epoch millis
 * @param categories the categories (as used in tags), distinct; an order can touch several
 * @param weight how much the event counts for each of them
 */
public record CategoryInterest(String userId, String eventId, long eventTime, String[] categories, double weight) {

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryInterest that
                && Objects.equals(userId, that.userId)
                && Objects.equals(eventId, that.eventId)
                && eventTime == that.eventTime
                && Arrays.equals(categories, that.categories)
                && weight == that.weight;
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, eventId, eventTime);
    }

    @Override
    public String toString() {
        return "CategoryInterest[" + userId + ", " + eventId + ", " + eventTime + ", " + Arrays.toString(categories)
                + " x " + weight + "]";
    }
}
