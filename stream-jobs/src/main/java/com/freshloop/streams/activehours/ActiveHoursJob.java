package com.freshloop.streams.activehours;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.activehours.functions.ActiveHoursFunction;
import com.freshloop.streams.activehours.functions.ToActivity;
import com.freshloop.streams.activehours.records.Activity;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Active hours: from behaviour events, the hour of day each shopper is most active, as an
 * {@code active_hour:HH} tag (marketing pushes at that hour).
 *
 * <p>Two ways in: {@link #build} runs the job on its own source and sink (tests pass theirs), and
 * {@link #tags} appends it to a behaviour stream that several jobs share, as
 * {@link com.freshloop.streams.StreamJobs} does with the Kafka topic.
 */
public final class ActiveHoursJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<TagAssigned>> sink;
    private final ActiveHoursSettings settings;

    public ActiveHoursJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<TagAssigned>> sink,
            ActiveHoursSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source, BehaviourWatermarks.forEvents(), "active-hours-source", EventEnvelopeTypeInfo.any())
                .uid("active-hours-source");
        tags(behaviour, settings).sinkTo(sink).name("active-hours-sink").uid("active-hours-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, tags out. */
    public static DataStream<EventEnvelope<TagAssigned>> tags(
            DataStream<EventEnvelope<EventData>> behaviour, ActiveHoursSettings settings) {
        return behaviour
                .flatMap(new ToActivity(), TypeInformation.of(Activity.class))
                .name("active-hours-activity")
                .uid("active-hours-activity")
                .keyBy(Activity::userId, Types.STRING)
                .process(new ActiveHoursFunction(settings), EventEnvelopeTypeInfo.holding(TagAssigned.class))
                .name("active-hours-histogram")
                .uid("active-hours-histogram");
    }
}
