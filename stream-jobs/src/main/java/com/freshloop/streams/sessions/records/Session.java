package com.freshloop.streams.sessions.records;

/**
 * A session that closed (or, with a late event, changed after it closed).
 *
 * @param userId the shopper
 * @param start the first interaction, epoch millis
 * @param end the last interaction, epoch millis
 * @param events how many interactions
 * @param ordered whether the shopper ordered in it
 */
public record Session(String userId, long start, long end, int events, boolean ordered) {

    public long length() {
        return end - start;
    }
}
