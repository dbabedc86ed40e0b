package com.freshloop.streams.purchasecycle;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.kafka.BehaviourWatermarks;
import com.freshloop.streams.purchasecycle.functions.PurchaseCycleFunction;
import com.freshloop.streams.purchasecycle.functions.ToPurchases;
import com.freshloop.streams.purchasecycle.records.Purchase;
import com.freshloop.streams.signals.Signals;
import com.freshloop.streams.types.EventEnvelopeTypeInfo;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Purchase cycle: per shopper and product, the usual interval between purchases; near the next one,
 * {@code repurchase.due} and the tag {@code due_soon:<sku>}.
 */
public final class PurchaseCycleJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final PurchaseCycleSettings settings;

    public PurchaseCycleJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<StreamEvent>> sink,
            PurchaseCycleSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source, BehaviourWatermarks.forEvents(), "purchase-cycle-source", EventEnvelopeTypeInfo.any())
                .uid("purchase-cycle-source");
        signals(behaviour, settings).sinkTo(sink).name("purchase-cycle-sink").uid("purchase-cycle-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, signals out. */
    public static DataStream<EventEnvelope<StreamEvent>> signals(
            DataStream<EventEnvelope<EventData>> behaviour, PurchaseCycleSettings settings) {
        return behaviour
                .flatMap(new ToPurchases(), TypeInformation.of(Purchase.class))
                .name("purchase-cycle-purchases")
                .uid("purchase-cycle-purchases")
                .keyBy(
                        purchase -> Tuple2.of(purchase.userId(), purchase.sku()),
                        Types.TUPLE(Types.STRING, Types.STRING))
                .process(new PurchaseCycleFunction(settings), Signals.TYPE)
                .name("purchase-cycle-due")
                .uid("purchase-cycle-due");
    }
}
