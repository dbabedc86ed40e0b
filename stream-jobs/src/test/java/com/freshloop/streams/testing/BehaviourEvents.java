package com.freshloop.streams.testing;

import com.freshloop.events.EventCatalog;
import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Unrecognised;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.CartItemRemoved;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.context.v1.HolidayDeclared;
import com.freshloop.events.context.v1.WeatherObserved;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Behaviour (and context) events for tests, with ids derived from their content so that runs are repeatable. */
public final class BehaviourEvents {

    private BehaviourEvents() {}

    /** A page view by {@code user} at {@code time} (an ISO-8601 instant). */
    public static EventEnvelope<EventData> pageView(String user, String time) {
        return event(user, Instant.parse(time), new PageViewed("home", null, null));
    }

    /** A view of a category page. */
    public static EventEnvelope<EventData> view(String user, String time, String category) {
        return event(user, Instant.parse(time), new PageViewed("category", null, category));
    }

    public static EventEnvelope<EventData> cartAdd(String user, String time, String sku, String category) {
        return event(user, Instant.parse(time), new CartItemAdded(sku, category, 1, new BigDecimal("9.90")));
    }

    public static EventEnvelope<EventData> cartRemove(String user, String time, String sku) {
        return event(user, Instant.parse(time), new CartItemRemoved(sku, 1));
    }

    /**
     * An order of one unit of each {@code sku:category} pair, paying {@code total}.
     *
     * @param skusWithCategories e.g. {@code "milk-1l:dairy"}
     */
    public static EventEnvelope<EventData> order(
            String user, String time, String region, String total, String... skusWithCategories) {
        List<OrderPlaced.Line> lines = Arrays.stream(skusWithCategories)
                .map(pair -> pair.split(":", 2))
                .map(pair -> new OrderPlaced.Line(pair[0], pair[0], pair[1], 1, new BigDecimal(total)))
                .toList();
        BigDecimal amount = new BigDecimal(total);
        String orderId = "o-" + user + "-" + Instant.parse(time).getEpochSecond();
        return event(
                user,
                Instant.parse(time),
                new OrderPlaced(orderId, region, lines, amount, BigDecimal.ZERO, amount, "wechat", null));
    }

    public static EventEnvelope<EventData> weather(
            String region, String date, double temperatureC, String condition, String time) {
        return event(
                region,
                Instant.parse(time),
                new WeatherObserved(region, LocalDate.parse(date), temperatureC, condition));
    }

    public static EventEnvelope<EventData> holiday(String region, String date, String name, String time) {
        return event(region, Instant.parse(time), new HolidayDeclared(region, LocalDate.parse(date), name));
    }

    /** An event of a type no job knows, which only moves event time forward. */
    public static EventEnvelope<EventData> tick(String time) {
        Instant at = Instant.parse(time);
        UUID id = UUID.nameUUIDFromBytes(("tick|" + time).getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope<>(id, "clock.ticked", "test", at, "clock", 1, new Unrecognised("{}"));
    }

    public static EventEnvelope<EventData> event(String user, Instant time, EventData data) {
        EventCatalog.Entry entry = EventCatalog.of(data.getClass());
        UUID id = UUID.nameUUIDFromBytes((user + '|' + time + '|' + entry.type()).getBytes(StandardCharsets.UTF_8));
        return new EventEnvelope<>(id, entry.type(), "test", time, user, entry.version(), data);
    }
}
