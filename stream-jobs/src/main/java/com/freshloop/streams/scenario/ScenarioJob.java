package com.freshloop.streams.scenario;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.scenario.functions.ScenarioFunction;
import com.freshloop.streams.scenario.functions.ToContextFact;
import com.freshloop.streams.scenario.functions.ToUserRegion;
import com.freshloop.streams.scenario.records.ContextFact;
import com.freshloop.streams.scenario.records.UserRegion;
import com.freshloop.streams.signals.Signals;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Scenario tags: the context stream (weather, holidays per region) joined with each shopper's region,
 * learned from their orders, e.g. {@code scenario:hot_weather} when it is 30 °C or more where they live.
 */
public final class ScenarioJob {

    private final Source<EventEnvelope<EventData>, ?, ?> behaviourSource;
    private final Source<EventEnvelope<EventData>, ?, ?> contextSource;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final ScenarioSettings settings;

    public ScenarioJob(
            Source<EventEnvelope<EventData>, ?, ?> behaviourSource,
            Source<EventEnvelope<EventData>, ?, ?> contextSource,
            Sink<EventEnvelope<StreamEvent>> sink,
            ScenarioSettings settings) {
        this.behaviourSource = Objects.requireNonNull(behaviourSource, "behaviourSource");
        this.contextSource = Objects.requireNonNull(contextSource, "contextSource");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds sources, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        behaviourSource,
                        BehaviourWatermarks.forEvents(),
                        "scenario-tags-behaviour-source",
                        EventEnvelopeTypeInfo.any())
                .uid("scenario-tags-behaviour-source");
        DataStream<EventEnvelope<EventData>> context = env.fromSource(
                        contextSource,
                        BehaviourWatermarks.forEvents(),
                        "scenario-tags-context-source",
                        EventEnvelopeTypeInfo.any())
                .uid("scenario-tags-context-source");
        tags(behaviour, context, settings)
                .sinkTo(sink)
                .name("scenario-tags-sink")
                .uid("scenario-tags-sink");
    }

    /** The pipeline: behaviour and context events (with event-time timestamps and watermarks) in, tags out. */
    public static DataStream<EventEnvelope<StreamEvent>> tags(
            DataStream<EventEnvelope<EventData>> behaviour,
            DataStream<EventEnvelope<EventData>> context,
            ScenarioSettings settings) {
        BroadcastStream<ContextFact> facts = context.flatMap(new ToContextFact(), TypeInformation.of(ContextFact.class))
                .name("scenario-tags-context")
                .uid("scenario-tags-context")
                .broadcast(ScenarioFunction.REGIONS);
        return behaviour
                .flatMap(new ToUserRegion(), TypeInformation.of(UserRegion.class))
                .name("scenario-tags-regions")
                .uid("scenario-tags-regions")
                .keyBy(UserRegion::userId, Types.STRING)
                .connect(facts)
                .process(new ScenarioFunction(settings), Signals.TYPE)
                .name("scenario-tags-join")
                .uid("scenario-tags-join");
    }
}
