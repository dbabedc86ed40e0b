package com.freshloop.streams.rfm;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.rfm.functions.RecentOrdersFunction;
import com.freshloop.streams.rfm.functions.ToOrderFact;
import com.freshloop.streams.rfm.records.OrderFact;
import com.freshloop.streams.signals.Signals;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Running RFM inputs: {@code orders_30d} and {@code spend_30d} per shopper, live. */
public final class RfmJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final RfmSettings settings;

    public RfmJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<StreamEvent>> sink,
            RfmSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source, BehaviourWatermarks.forEvents(), "rfm-inputs-source", EventEnvelopeTypeInfo.any())
                .uid("rfm-inputs-source");
        tags(behaviour, settings).sinkTo(sink).name("rfm-inputs-sink").uid("rfm-inputs-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, tags out. */
    public static DataStream<EventEnvelope<StreamEvent>> tags(
            DataStream<EventEnvelope<EventData>> behaviour, RfmSettings settings) {
        return behaviour
                .flatMap(new ToOrderFact(), TypeInformation.of(OrderFact.class))
                .name("rfm-inputs-orders")
                .uid("rfm-inputs-orders")
                .keyBy(OrderFact::userId, Types.STRING)
                .process(new RecentOrdersFunction(settings), Signals.TYPE)
                .name("rfm-inputs-window")
                .uid("rfm-inputs-window");
    }
}
