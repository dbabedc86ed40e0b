package com.freshloop.streams.categoryaffinity.functions;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.StreamEvent;
import com.freshloop.streams.categoryaffinity.CategoryAffinitySettings;
import com.freshloop.streams.categoryaffinity.records.AffinityWindow;
import com.freshloop.streams.categoryaffinity.records.CategoryInterest;
import com.freshloop.streams.signals.Signals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
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
 * Per user (the key): category weights over a window of the last {@code windowDays} days sliding by
 * one day, and the tags {@code interest:<category>} for the heaviest categories above a share and a
 * weight threshold (score = share), revoked when a category drops out (below a lower share, so that a
 * share hovering at the threshold does not flap).
 *
 * <p>A sliding window in keyed state rather than Flink's window operator, which would publish only
 * when a window closes, i.e. once a day: here an event updates the interests at once, and an
 * event-time timer at each midnight slides the window (panes fall out, interests drop) for shoppers
 * who have gone quiet. Interests expire when the newest day with activity has slid out of the window,
 * and are published again on a shopper's first event of a day so that this expiry moves on; scores
 * are therefore refreshed at least daily, not on every event.
 *
 * <p>An event first slides the window to its day, exactly as the midnight timers would (with the same
 * ids: the cause is the day), then counts. So whether a timer fires before or after a shopper's next
 * event, which depends on when watermarks arrive, does not change what is emitted.
 */
public final class CategoryAffinityFunction
        extends KeyedProcessFunction<String, CategoryInterest, EventEnvelope<StreamEvent>> {

    public static final String JOB = "category-affinity";
    public static final String TAG_PREFIX = "interest:";

    private static final long serialVersionUID = 1L;

    private final CategoryAffinitySettings settings;

    private transient ValueState<AffinityWindow> windows;
    private transient Counter lateEventsDropped;

    public CategoryAffinityFunction(CategoryAffinitySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<AffinityWindow> descriptor =
                new ValueStateDescriptor<>("affinity-window", TypeInformation.of(AffinityWindow.class));
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        windows = getRuntimeContext().getState(descriptor);
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
    }

    @Override
    public void processElement(CategoryInterest interest, Context context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        long day = day(interest.eventTime());
        AffinityWindow window = windows.value() == null ? AffinityWindow.empty() : windows.value();
        boolean slidOut =
                window.currentDay() != AffinityWindow.NONE && day <= window.currentDay() - settings.windowDays();
        if (slidOut
                || Signals.isLate(
                        interest.eventTime(), context.timerService().currentWatermark(), settings.allowedLateness())) {
            lateEventsDropped.inc();
            return;
        }
        long dayBefore = window.currentDay();
        window = window.currentDay() == AffinityWindow.NONE
                ? window.slideTo(day, settings.windowDays())
                : advance(window, day, context.getCurrentKey(), out);
        for (String category : interest.categories()) {
            window = window.add(day, category, interest.weight());
        }
        window = window.active(day, interest.eventTime());
        window = publish(window, context.getCurrentKey(), interest.eventId(), day > window.renewedDay(), out);
        if (window.currentDay() != dayBefore) {
            if (dayBefore != AffinityWindow.NONE) {
                context.timerService().deleteEventTimeTimer(startOf(dayBefore + 1));
            }
            context.timerService().registerEventTimeTimer(startOf(window.currentDay() + 1));
        }
        windows.update(window);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<EventEnvelope<StreamEvent>> out)
            throws Exception {
        AffinityWindow window = windows.value();
        long day = day(timestamp);
        if (window == null || day <= window.currentDay()) {
            return;
        }
        window = advance(window, day, context.getCurrentKey(), out);
        if (window.isEmpty()) {
            windows.clear();
            return;
        }
        context.timerService().registerEventTimeTimer(startOf(day + 1));
        windows.update(window);
    }

    /** Slides the window a day at a time up to {@code day}, publishing what each midnight changes. */
    private AffinityWindow advance(
            AffinityWindow window, long day, String user, Collector<EventEnvelope<StreamEvent>> out) {
        for (long next = window.currentDay() + 1; next <= day; next++) {
            window = window.slideTo(next, settings.windowDays()).at(startOf(next));
            window = publish(window, user, "day:" + next, false, out);
            if (window.isEmpty()) {
                // Nothing left to slide; the remaining midnights change nothing.
                return window.slideTo(day, settings.windowDays());
            }
        }
        return window;
    }

    /**
     * Emits the interests that are new (or all of them, to renew) and revokes those gone; returns the
     * window noting what is published.
     */
    private AffinityWindow publish(
            AffinityWindow window,
            String user,
            String cause,
            boolean renew,
            Collector<EventEnvelope<StreamEvent>> out) {
        Map<String, Double> interests = window.interests(settings);
        Instant asOf = Instant.ofEpochMilli(window.asOf());
        Instant expiresAt = Instant.ofEpochMilli(startOf(window.lastActiveDay() + settings.windowDays()));
        String[] before = window.tagged();
        for (Map.Entry<String, Double> interest : interests.entrySet()) {
            if (renew || Arrays.binarySearch(before, interest.getKey()) < 0) {
                out.collect(Signals.assigned(
                        JOB,
                        user,
                        TAG_PREFIX + interest.getKey(),
                        Signals.round(interest.getValue(), 4),
                        expiresAt,
                        asOf,
                        cause));
            }
        }
        for (String category : before) {
            if (!interests.containsKey(category)) {
                out.collect(Signals.revoked(JOB, user, TAG_PREFIX + category, asOf, cause));
            }
        }
        String[] after = interests.keySet().stream().sorted().toArray(String[]::new);
        return window.published(after, renew ? window.currentDay() : window.renewedDay());
    }

    private long day(long time) {
        return Instant.ofEpochMilli(time)
                .atZone(settings.timeZone())
                .toLocalDate()
                .toEpochDay();
    }

    private long startOf(long day) {
        return LocalDate.ofEpochDay(day)
                .atStartOfDay(settings.timeZone())
                .toInstant()
                .toEpochMilli();
    }
}
