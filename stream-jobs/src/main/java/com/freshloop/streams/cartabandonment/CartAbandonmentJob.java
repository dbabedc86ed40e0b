package com.freshloop.streams.cartabandonment;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.cartabandonment.functions.CartAbandonmentFunction;
import com.freshloop.streams.cartabandonment.functions.ToCartAction;
import com.freshloop.streams.cartabandonment.records.CartAction;
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
 * Cart abandonment: items added and no order within 30 minutes gives {@code cart.abandoned} and the
 * tag {@code cart_abandoned}, revoked when the shopper orders.
 */
public final class CartAbandonmentJob {

    private final Source<EventEnvelope<EventData>, ?, ?> source;
    private final Sink<EventEnvelope<StreamEvent>> sink;
    private final CartAbandonmentSettings settings;

    public CartAbandonmentJob(
            Source<EventEnvelope<EventData>, ?, ?> source,
            Sink<EventEnvelope<StreamEvent>> sink,
            CartAbandonmentSettings settings) {
        this.source = Objects.requireNonNull(source, "source");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Adds source, pipeline and sink to the environment; the caller executes it. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<EventEnvelope<EventData>> behaviour = env.fromSource(
                        source, BehaviourWatermarks.forEvents(), "cart-abandonment-source", EventEnvelopeTypeInfo.any())
                .uid("cart-abandonment-source");
        signals(behaviour, settings).sinkTo(sink).name("cart-abandonment-sink").uid("cart-abandonment-sink");
    }

    /** The pipeline: behaviour events (with event-time timestamps and watermarks) in, signals out. */
    public static DataStream<EventEnvelope<StreamEvent>> signals(
            DataStream<EventEnvelope<EventData>> behaviour, CartAbandonmentSettings settings) {
        return behaviour
                .flatMap(new ToCartAction(), TypeInformation.of(CartAction.class))
                .name("cart-abandonment-actions")
                .uid("cart-abandonment-actions")
                .keyBy(CartAction::userId, Types.STRING)
                .process(new CartAbandonmentFunction(settings), Signals.TYPE)
                .name("cart-abandonment-deadlines")
                .uid("cart-abandonment-deadlines");
    }
}
