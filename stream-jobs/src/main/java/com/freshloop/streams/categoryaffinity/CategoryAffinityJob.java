package com.freshloop.streams.categoryaffinity;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.categoryaffinity.functions.CategoryAffinityFunction;
import com.freshloop.streams.categoryaffinity.functions.ToCategoryInterest;
import com.freshloop.streams.categoryaffinity.records.CategoryInterest;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.signals.Signals;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Category affinity: the categories a shopper favours over the last 7 days, as
 * {@code interest:<category>} tags (e.g. {@code interest:organic}), revoked when they drop.
 */
public final class CategoryAffinityJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final CategoryAffinitySettings settings;

    public CategoryAffinityJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<StreamEvent>> sink,
            CategoryAffinitySettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source,
                        BehaviourWatermarks.forEvents(),
                        "category-affinity-source",
                        EventEnvelopeTypeInfo.any())
                .uid("category-affinity-source");
        tags(behaviour, settings).sinkTo(sink).name("category-affinity-sink").uid("category-affinity-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, tags out. */
    public static DataStream<EventEnvelope<StreamEvent>> tags(
            DataStream<EventEnvelope<EventData>> behaviour, CategoryAffinitySettings settings) {
        return behaviour
                .flatMap(new ToCategoryInterest(), TypeInformation.of(CategoryInterest.class))
                .name("category-affinity-interest")
                .uid("category-affinity-interest")
                .keyBy(CategoryInterest::userId, Types.STRING)
                .process(new CategoryAffinityFunction(settings), Signals.TYPE)
                .name("category-affinity-window")
                .uid("category-affinity-window");
    }
}
