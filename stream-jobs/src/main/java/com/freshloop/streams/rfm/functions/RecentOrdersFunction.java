package com.freshloop.streams.rfm.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.rfm.RfmSettings;
import com.freshloop.streams.rfm.records.OrderFact;
import com.freshloop.streams.rfm.records.RecentOrders;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user (the key): the running inputs of RFM over the last 30 days, as two tags: {@code orders_30d}
 * (score = orders, the F) and {@code spend_30d} (score = amount paid, the M). The R is the tags' own
 * time: the newest order. Both are published on every order and whenever an order leaves the window
 * (an event-time timer), revoked when none is left, and expire with the newest order's window.
 *
 * <p>No scores or quintiles here: they rank a shopper against everybody, which is profile-service's
 * nightly batch; these are the live counts a strategy can act on at once (e.g. "second order this
 * month"). An order first lets its own time pass over the older orders, exactly as the timer would
 * (same ids: the cause is the expiry time), so watermark timing does not change what is emitted.
 */
public final class RecentOrdersFunction extends KeyedProcessFunction<String, OrderFact, EventEnvelope<StreamEvent>> {

    public static final String JOB = "rfm-inputs";

    private static final long serialVersionUID = 1L;

    private final RfmSettings settings;

    private transient ValueState<RecentOrders> orders;
    private transient Counter lateEventsDropped;

    public RecentOrdersFunction(RfmSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<RecentOrders> descriptor =
                new ValueStateDescriptor<>("recent-orders", TypeInformation.of(RecentOrders.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        orders = getRuntimeContext().getState(descriptor);
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
    }

    @Override
    public void processElement(OrderFact order, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        long window = settings.window().toMillis();
        RecentOrders before = orders.value() == null ? RecentOrders.empty() : orders.value();
        boolean outsideWindow = before.asOf() != RecentOrders.NONE && order.eventTime() + window <= before.asOf();
        if (outsideWindow
                || Signals.isLate(
                        order.eventTime(), context.timerService().currentWatermark(), settings.allowedLateness())) {
            lateEventsDropped.inc();
            return;
        }
        if (before.counted(order.orderId())) {
            return;
        }
        RecentOrders after = expireUpTo(before, order.eventTime(), order.userId(), out)
                .with(order.eventTime(), order.total(), order.orderId());
        publish(after, order.userId(), order.eventId(), out);
        reschedule(context, before.nextExpiry(window), after.nextExpiry(window));
        orders.update(after);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        RecentOrders before = orders.value();
        long window = settings.window().toMillis();
        if (before == null || before.nextExpiry(window) != timestamp) {
            return;
        }
        RecentOrders after = expireUpTo(before, timestamp, context.getCurrentKey(), out);
        if (after.isEmpty()) {
            orders.clear();
            return;
        }
        reschedule(context, RecentOrders.NONE, after.nextExpiry(window));
        orders.update(after);
    }

    /** Lets time pass up to {@code now}: each order leaving the window updates (or revokes) the tags. */
    private RecentOrders expireUpTo(
            RecentOrders recent, long now, String user, Collector<EventEnvelope<StreamEvent>> out) {
        long window = settings.window().toMillis();
        while (!recent.isEmpty() && recent.nextExpiry(window) <= now) {
            long expiry = recent.nextExpiry(window);
            recent = recent.expire(expiry, window);
            String cause = "expired:" + expiry;
            if (recent.isEmpty()) {
                Instant asOf = Instant.ofEpochMilli(recent.asOf());
                out.collect(Signals.revoked(JOB, user, settings.ordersTag(), asOf, cause));
                out.collect(Signals.revoked(JOB, user, settings.spendTag(), asOf, cause));
            } else {
                publish(recent, user, cause, out);
            }
        }
        return recent;
    }

    private void publish(RecentOrders recent, String user, String cause, Collector<EventEnvelope<StreamEvent>> out) {
        Instant asOf = Instant.ofEpochMilli(recent.asOf());
        Instant expiresAt = Instant.ofEpochMilli(recent.newest()).plus(settings.window());
        out.collect(Signals.assigned(JOB, user, settings.ordersTag(), recent.count(), expiresAt, asOf, cause));
        out.collect(Signals.assigned(
                JOB, user, settings.spendTag(), Signals.round(recent.spend(), 2), expiresAt, asOf, cause));
    }

    private static void reschedule(Context context, long before, long after) {
        if (before == after) {
            return;
        }
        if (before != RecentOrders.NONE) {
            context.timerService().deleteEventTimeTimer(before);
        }
        if (after != RecentOrders.NONE) {
            context.timerService().registerEventTimeTimer(after);
        }
    }
}
