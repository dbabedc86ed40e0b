package com.freshloop.streams.sessions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.sessions.functions.SessionAggregate;
import com.freshloop.streams.sessions.functions.SessionFeaturesFunction;
import com.freshloop.streams.sessions.functions.ToInteraction;
import com.freshloop.streams.sessions.functions.ToSession;
import com.freshloop.streams.sessions.records.Interaction;
import com.freshloop.streams.sessions.records.Session;
import com.freshloop.streams.sessions.records.SessionStats;
import com.freshloop.streams.signals.Signals;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;

/**
 * Session features: behaviour cut into sessions at 30-minute pauses (Flink's event-time session
 * windows, with allowed lateness), and the tag {@code browser_no_buy} for shoppers who keep coming
 * without ordering.
 */
public final class SessionFeaturesJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final SessionSettings settings;

    public SessionFeaturesJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<StreamEvent>> sink,
            SessionSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source, BehaviourWatermarks.forEvents(), "session-features-source", EventEnvelopeTypeInfo.any())
                .uid("session-features-source");
        tags(behaviour, settings).sinkTo(sink).name("session-features-sink").uid("session-features-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, tags out. */
    public static DataStream<EventEnvelope<StreamEvent>> tags(
            DataStream<EventEnvelope<EventData>> behaviour, SessionSettings settings) {
        return behaviour
                .flatMap(new ToInteraction(), TypeInformation.of(Interaction.class))
                .name("session-features-interactions")
                .uid("session-features-interactions")
                .keyBy(Interaction::userId, Types.STRING)
                .window(EventTimeSessionWindows.withGap(settings.gap()))
                .allowedLateness(settings.allowedLateness())
                .aggregate(
                        new SessionAggregate(),
                        new ToSession(),
                        TypeInformation.of(SessionStats.class),
                        TypeInformation.of(SessionStats.class),
                        TypeInformation.of(Session.class))
                .name("session-features-sessions")
                .uid("session-features-sessions")
                .keyBy(Session::userId, Types.STRING)
                .process(new SessionFeaturesFunction(settings), Signals.TYPE)
                .name("session-features-no-buy")
                .uid("session-features-no-buy");
    }
}
