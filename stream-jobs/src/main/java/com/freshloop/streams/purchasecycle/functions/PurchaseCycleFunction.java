package com.freshloop.streams.purchasecycle.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.purchasecycle.PurchaseCycleSettings;
import com.freshloop.streams.purchasecycle.records.Purchase;
import com.freshloop.streams.purchasecycle.records.PurchaseHistory;
import com.freshloop.streams.signals.Signals;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user and product (the key): the usual interval between the shopper's purchases of the product
 * (the median of the recent intervals), and an event-time timer at the last purchase plus
 * {@code dueFraction} (0.8) of it. When it fires: {@code repurchase.due} for marketing and the tag
 * {@code due_soon:<sku>} (score = how regular the cycle is, 0..1), revoked by the next purchase.
 *
 * <p>Out-of-order purchases take their place in the history and move the timer. Ids derive from the
 * purchase the due date was computed from (and, for the revocation, from the purchase that ended it).
 */
public final class PurchaseCycleFunction
        extends KeyedProcessFunction<Tuple2<String, String>, Purchase, EventEnvelope<StreamEvent>> {

    public static final String JOB = "purchase-cycle";
    public static final String TAG_PREFIX = "due_soon:";

    private static final long serialVersionUID = 1L;
    private static final double DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final PurchaseCycleSettings settings;

    private transient ValueState<PurchaseHistory> histories;
    private transient Counter lateEventsDropped;
    private transient Counter repurchasesDue;

    public PurchaseCycleFunction(PurchaseCycleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<PurchaseHistory> descriptor =
                new ValueStateDescriptor<>("purchase-history", TypeInformation.of(PurchaseHistory.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        histories = getRuntimeContext().getState(descriptor);
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
        repurchasesDue = getRuntimeContext().getMetricGroup().counter("repurchasesDue");
    }

    @Override
    public void processElement(Purchase purchase, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        TimerService timers = context.timerService();
        if (Signals.isLate(purchase.eventTime(), timers.currentWatermark(), settings.allowedLateness())) {
            lateEventsDropped.inc();
            return;
        }
        PurchaseHistory history = histories.value() == null ? PurchaseHistory.empty() : histories.value();
        if (history.counted(purchase.orderId())) {
            return;
        }
        history = history.purchased(
                purchase.eventTime(),
                purchase.eventId(),
                purchase.orderId(),
                settings.sameOccasion().toMillis(),
                settings.maxPurchases());
        if (history.dueTaggedAt() != PurchaseHistory.NONE && purchase.eventTime() > history.dueBasis()) {
            String tag = tag(purchase.sku());
            if (!tag.isEmpty()) {
                Instant asOf = Instant.ofEpochMilli(Math.max(purchase.eventTime(), history.dueTaggedAt()));
                out.collect(Signals.revoked(JOB, purchase.userId(), tag, asOf, purchase.eventId()));
            }
            history = history.dueRevoked();
        }
        // While due_soon stands for the newest purchase, an older one arriving late changes nothing due.
        long due = history.dueTaggedAt() != PurchaseHistory.NONE ? PurchaseHistory.NONE : dueAt(history);
        if (due != history.dueAt()) {
            if (history.dueAt() != PurchaseHistory.NONE) {
                timers.deleteEventTimeTimer(history.dueAt());
            }
            if (due != PurchaseHistory.NONE) {
                timers.registerEventTimeTimer(due);
            }
            history = history.withDueAt(due);
        }
        histories.update(history);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        PurchaseHistory history = histories.value();
        if (history == null || history.dueAt() != timestamp || history.dueTaggedAt() != PurchaseHistory.NONE) {
            return;
        }
        String user = context.getCurrentKey().f0;
        String sku = context.getCurrentKey().f1;
        long cycle = history.cycle(settings.minIntervals());
        long last = history.last();
        String cause = history.lastEventId();
        Instant at = Instant.ofEpochMilli(timestamp);
        long expiresAt = last + Math.round(settings.expireFraction() * cycle);
        if (context.timerService().currentWatermark() >= expiresAt) {
            // Replayed history: the watermark is already past the whole due window, so nothing is due now.
            histories.update(history.withDueAt(PurchaseHistory.NONE));
            return;
        }
        histories.update(history.dueTagged(timestamp, last));
        RepurchaseDue due = new RepurchaseDue(sku, Signals.round(cycle / DAY_MILLIS, 2), Instant.ofEpochMilli(last));
        out.collect(Signals.signal(JOB, user, due, sku, at, cause));
        String tag = tag(sku);
        if (!tag.isEmpty()) {
            double regularity = Signals.round(history.regularity(settings.minIntervals()), 2);
            out.collect(Signals.assigned(JOB, user, tag, regularity, Instant.ofEpochMilli(expiresAt), at, cause));
        }
        repurchasesDue.inc();
    }

    private long dueAt(PurchaseHistory history) {
        long cycle = history.cycle(settings.minIntervals());
        return cycle == PurchaseHistory.NONE || cycle <= 0
                ? PurchaseHistory.NONE
                : history.last() + Math.round(settings.dueFraction() * cycle);
    }

    private static String tag(String sku) {
        String value = Signals.tagValue(sku);
        return value.isEmpty() ? "" : TAG_PREFIX + value;
    }
}
