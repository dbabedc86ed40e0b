package com.freshloop.streams.sessions.functions;

import com.freshloop.streams.sessions.records.Session;
import com.freshloop.streams.sessions.records.SessionStats;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Names the user of a closed session window. */
public final class ToSession extends ProcessWindowFunction<SessionStats, Session, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    @Override
    public void process(String user, Context context, Iterable<SessionStats> stats, Collector<Session> out) {
        for (SessionStats session : stats) {
            out.collect(new Session(user, session.first(), session.last(), session.events(), session.ordered()));
        }
    }
}
