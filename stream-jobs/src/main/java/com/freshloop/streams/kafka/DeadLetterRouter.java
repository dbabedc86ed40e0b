package com.freshloop.streams.kafka;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/** Passes decoded events on and sends the records that could not be decoded to a side output. */
public final class DeadLetterRouter
        extends ProcessFunction<Either<DeadLetter, EventEnvelope<EventData>>, EventEnvelope<EventData>> {

    /** The records bound for the dead-letter topic. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private static final long serialVersionUID = 1L;

    private transient Counter deadLetters;

    @Override
    public void open(OpenContext openContext) {
        deadLetters = getRuntimeContext().getMetricGroup().counter("deadLetters");
    }

    @Override
    public void processElement(
            Either<DeadLetter, EventEnvelope<EventData>> record,
            Context context,
            Collector<EventEnvelope<EventData>> out) {
        if (record.isRight()) {
            out.collect(record.right());
        } else {
            deadLetters.inc();
            context.output(DEAD_LETTERS, record.left());
        }
    }
}
