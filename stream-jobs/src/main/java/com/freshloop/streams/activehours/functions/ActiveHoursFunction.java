package com.freshloop.streams.activehours.functions;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.streams.activehours.ActiveHoursSettings;
import com.freshloop.streams.activehours.records.Activity;
import com.freshloop.streams.activehours.records.HourHistogram;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per user (the key): counts activity by hour of day in the configured time zone and emits
 * {@code active_hour:HH} when the leading hour changes, for the user's first event, and again when the
 * last tag is half-way to expiring; nothing otherwise.
 *
 * <p>Events are counted as they arrive rather than held back until the watermark passes them: a
 * histogram does not care about order, and holding back would delay every tag by the out-of-orderness
 * bound. The watermark only decides lateness: an event more than the allowed lateness behind it is
 * dropped (and counted in {@code lateEventsDropped}).
 *
 * <p>Emitted ids are derived from the user, the tag and the event that caused it. One user's events come
 * from one partition in order, so a replay from a checkpoint makes the same decisions with the same ids,
 * and consumers that dedupe by id see each tag once.
 */
public final class ActiveHoursFunction extends KeyedProcessFunction<String, Activity, EventEnvelope<TagAssigned>> {

    public static final String JOB = "active-hours";
    public static final String SOURCE = "stream-jobs";
    public static final String TAG_PREFIX = "active_hour:";

    private static final long serialVersionUID = 1L;
    private static final EventCatalog.Entry TAG_ASSIGNED = EventCatalog.of(TagAssigned.class);

    private final ActiveHoursSettings settings;

    private transient ValueState<HourHistogram> histograms;
    private transient Counter lateEventsDropped;
    private transient Counter tagsEmitted;

    public ActiveHoursFunction(ActiveHoursSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<HourHistogram> descriptor =
                new ValueStateDescriptor<>("hour-histogram", TypeInformation.of(HourHistogram.class));
        // Processing-time TTL, renewed on every write: a shopper gone quiet for the whole TTL starts afresh.
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(settings.stateTtl())
                .updateTtlOnCreateAndWrite()
                .neverReturnExpired()
                .build());
        histograms = getRuntimeContext().getState(descriptor);
        lateEventsDropped = getRuntimeContext().getMetricGroup().counter("lateEventsDropped");
        tagsEmitted = getRuntimeContext().getMetricGroup().counter("tagsEmitted");
    }

    @Override
    public void processElement(Activity activity, Context context, Collector<EventEnvelope<TagAssigned>> out)
            throws Exception {
        if (isLate(activity.eventTime(), context.timerService().currentWatermark())) {
            lateEventsDropped.inc();
            return;
        }
        int hour = Instant.ofEpochMilli(activity.eventTime())
                .atZone(settings.timeZone())
                .getHour();
        HourHistogram before = histograms.value();
        HourHistogram after = (before == null ? HourHistogram.empty() : before).add(hour, activity.eventTime());
        if (before == null || after.leadingHour() != before.leadingHour() || dueForRenewal(after)) {
            after = after.emitted();
            out.collect(tag(activity, after));
            tagsEmitted.inc();
        }
        histograms.update(after);
    }

    private boolean isLate(long eventTime, long watermark) {
        return watermark != Long.MIN_VALUE
                && eventTime < watermark - settings.allowedLateness().toMillis();
    }

    private boolean dueForRenewal(HourHistogram histogram) {
        return histogram.latestEventTime() - histogram.lastEmittedTime()
                >= settings.renewAfter().toMillis();
    }

    /**
     * The tag as of the newest event seen, not of the event that tipped it: a late event must not date
     * the tag (or its expiry) back.
     */
    private EventEnvelope<TagAssigned> tag(Activity cause, HourHistogram histogram) {
        String tag = TAG_PREFIX + String.format(Locale.ROOT, "%02d", histogram.leadingHour());
        Instant asOf = Instant.ofEpochMilli(histogram.latestEventTime());
        double share = Math.round(histogram.leaderShare() * 10_000) / 10_000.0;
        TagAssigned data = new TagAssigned(tag, share, asOf.plus(settings.tagLifetime()), JOB);
        return new EventEnvelope<>(
                eventId(cause.userId(), tag, cause.eventId()),
                TAG_ASSIGNED.type(),
                SOURCE,
                asOf,
                cause.userId(),
                TAG_ASSIGNED.version(),
                data);
    }

    /** Deterministic: the same user, tag and causing event always give the same id. */
    public static UUID eventId(String userId, String tag, String causeEventId) {
        String name = JOB + '|' + userId + '|' + tag + '|' + causeEventId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
