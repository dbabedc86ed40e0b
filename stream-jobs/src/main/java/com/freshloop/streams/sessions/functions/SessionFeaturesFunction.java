package com.freshloop.streams.sessions.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.sessions.SessionSettings;
import com.freshloop.streams.sessions.records.Session;
import com.freshloop.streams.sessions.records.SessionLog;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user (the key), from closed sessions: {@code browser_no_buy} when the shopper has had at least
 * {@code minSessions} (3) sessions without an order since their last session with one, within the
 * lookback (14 days). Score = that number of sessions; the tag expires when the oldest of the sessions
 * it needs leaves the lookback, is published again when the number grows, and is revoked by a session
 * with an order.
 *
 * <p>Ids derive from the session that changed the decision (its bounds and the new count), so a
 * replay of the same sessions emits the same ids.
 */
public final class SessionFeaturesFunction extends KeyedProcessFunction<String, Session, EventEnvelope<StreamEvent>> {

    public static final String JOB = "session-features";
    public static final String TAG = "browser_no_buy";

    private static final long serialVersionUID = 1L;

    private final SessionSettings settings;

    private transient ValueState<SessionLog> logs;

    public SessionFeaturesFunction(SessionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<SessionLog> descriptor =
                new ValueStateDescriptor<>("session-log", TypeInformation.of(SessionLog.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        logs = getRuntimeContext().getState(descriptor);
    }

    @Override
    public void processElement(Session session, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        SessionLog log = (logs.value() == null ? SessionLog.empty() : logs.value()).with(session);
        log = log.since(log.newestEnd() - settings.lookback().toMillis());
        long[] buyless = log.buylessEnds();
        String user = session.userId();
        String cause = "session:" + session.start() + "-" + session.end() + ":" + buyless.length;
        Instant asOf = Instant.ofEpochMilli(Math.max(session.end(), log.taggedAt()));
        if (buyless.length >= settings.minSessions()) {
            if (log.taggedScore() != buyless.length) {
                // Holds until the oldest session it needs leaves the lookback.
                Instant expiresAt = Instant.ofEpochMilli(buyless[settings.minSessions() - 1])
                        .plus(settings.lookback());
                out.collect(Signals.assigned(JOB, user, TAG, buyless.length, expiresAt, asOf, cause));
                log = log.tagged(buyless.length, asOf.toEpochMilli());
            }
        } else if (log.taggedScore() > 0) {
            out.collect(Signals.revoked(JOB, user, TAG, asOf, cause));
            log = log.tagged(0, asOf.toEpochMilli());
        }
        logs.update(log);
    }
}
