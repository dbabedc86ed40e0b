package com.freshloop.streams.cartabandonment.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.CartAbandoned;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.cartabandonment.CartAbandonmentSettings;
import com.freshloop.streams.cartabandonment.records.Cart;
import com.freshloop.streams.cartabandonment.records.CartAction;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user (the key): a cart with items and no order within {@code abandonAfter} (30 minutes) of the
 * newest addition is abandoned: {@code cart.abandoned} (for marketing) and the tag
 * {@code cart_abandoned} (score = items in the cart). An order, or emptying the cart, revokes the tag.
 *
 * <p>The deadline is an event-time timer, so the decision waits until the watermark has passed it:
 * an order up to the watermark's out-of-orderness bound late still arrives in time to prevent the
 * abandonment. An order that arrives after the abandonment (late, or out of order beyond the bound)
 * revokes the tag. An item added at or before the newest order was part of it and is ignored.
 *
 * <p>Ids: the signal and the tag derive from the event that added the newest item, the revocation from
 * the order (or removal) that ended it.
 */
public final class CartAbandonmentFunction
        extends KeyedProcessFunction<String, CartAction, EventEnvelope<StreamEvent>> {

    public static final String JOB = "cart-abandonment";
    public static final String TAG = "cart_abandoned";

    private static final long serialVersionUID = 1L;

    private final CartAbandonmentSettings settings;

    private transient ValueState<Cart> carts;
    private transient Counter lateEventsDropped;
    private transient Counter cartsAbandoned;

    public CartAbandonmentFunction(CartAbandonmentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<Cart> descriptor = new ValueStateDescriptor<>("cart", TypeInformation.of(Cart.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        carts = getRuntimeContext().getState(descriptor);
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
        cartsAbandoned = getRuntimeContext().getMetricGroup().counter("cartsAbandoned");
    }

    @Override
    public void processElement(CartAction action, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        TimerService timers = context.timerService();
        if (Signals.isLate(action.eventTime(), timers.currentWatermark(), settings.allowedLateness())) {
            lateEventsDropped.inc();
            return;
        }
        Cart before = carts.value() == null ? Cart.empty() : carts.value();
        Cart after = switch (action.kind()) {
            case ADD ->
                action.eventTime() <= before.lastOrderAt()
                        ? before
                        : before.add(action.sku(), action.eventTime(), action.eventId());
            case REMOVE -> before.remove(action.sku(), action.eventTime());
            case ORDER -> before.ordered(action.eventTime());
        };
        boolean ended = action.kind() == CartAction.Kind.ORDER || after.isEmpty();
        if (before.isAbandoned() && ended) {
            // Dated no earlier than the tag, else profile-service would keep the tag as the newer fact.
            Instant asOf = Instant.ofEpochMilli(Math.max(action.eventTime(), before.abandonedAt()));
            out.collect(Signals.revoked(JOB, action.userId(), TAG, asOf, action.eventId()));
            after = after.notAbandoned();
        }
        reschedule(timers, before.deadline(settings.abandonAfter()), after.deadline(settings.abandonAfter()));
        carts.update(after);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        Cart cart = carts.value();
        if (cart == null || cart.isEmpty() || cart.deadline(settings.abandonAfter()) != timestamp) {
            return;
        }
        if (cart.isAbandoned() && cart.abandonedAt() >= timestamp) {
            // The newest item was taken out again and the deadline moved back to one already declared.
            return;
        }
        String user = context.getCurrentKey();
        String cause = cart.lastAddEventId();
        Instant at = Instant.ofEpochMilli(timestamp);
        CartAbandoned abandoned = new CartAbandoned(cart.skusByAddTime(), Instant.ofEpochMilli(cart.lastAddedAt()));
        out.collect(Signals.signal(JOB, user, abandoned, "", at, cause));
        out.collect(Signals.assigned(JOB, user, TAG, cart.skus().length, at.plus(settings.tagLifetime()), at, cause));
        cartsAbandoned.inc();
        carts.update(cart.abandoned(timestamp));
    }

    private static void reschedule(TimerService timers, long before, long after) {
        if (before == after) {
            return;
        }
        if (before != Cart.NEVER) {
            timers.deleteEventTimeTimer(before);
        }
        if (after != Cart.NEVER) {
            timers.registerEventTimeTimer(after);
        }
    }
}
