package com.freshloop.streams.sessions.records;

/**
 * What a session window accumulates.
 *
 * @param events how many interactions
 * @param ordered whether one was an order
 * @param first the first interaction, epoch millis
 * @param last the last one, epoch millis
 */
public record SessionStats(int events, boolean ordered, long first, long last) {

    public static SessionStats empty() {
        return new SessionStats(0, false, Long.MAX_VALUE, Long.MIN_VALUE);
    }

    public SessionStats add(Interaction interaction) {
        return new SessionStats(
                events + 1,
                ordered || interaction.order(),
                Math.min(first, interaction.eventTime()),
                Math.max(last, interaction.eventTime()));
    }

    public SessionStats merge(SessionStats other) {
        return new SessionStats(
                events + other.events,
                ordered || other.ordered,
                Math.min(first, other.first),
                Math.max(last, other.last));
    }
}
