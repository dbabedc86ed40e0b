package com.freshloop.streams.sessions.functions;

import com.freshloop.streams.sessions.records.Interaction;
import com.freshloop.streams.sessions.records.SessionStats;
import org.apache.flink.api.common.functions.AggregateFunction;

/** Counts a session's interactions as they come, so the window keeps one small record, not the events. */
public final class SessionAggregate implements AggregateFunction<Interaction, SessionStats, SessionStats> {

    private static final long serialVersionUID = 1L;

    @Override
    public SessionStats createAccumulator() {
        return SessionStats.empty();
    }

    @Override
    public SessionStats add(Interaction interaction, SessionStats stats) {
        return stats.add(interaction);
    }

    @Override
    public SessionStats getResult(SessionStats stats) {
        return stats;
    }

    @Override
    public SessionStats merge(SessionStats a, SessionStats b) {
        return a.merge(b);
    }
}
