package com.freshloop.streams.categoryaffinity.functions;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.streams.categoryaffinity.CategoryAffinitySettings;
import com.freshloop.streams.categoryaffinity.records.CategoryInterest;
import com.freshloop.streams.signals.Signals;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * The events that show interest in a category, weighted by how much they say: a page view of it
 * ({@value CategoryAffinitySettings#VIEW_WEIGHT}), an item of it put in the cart
 * ({@value CategoryAffinitySettings#CART_WEIGHT}), an order with a line of it
 * ({@value CategoryAffinitySettings#ORDER_WEIGHT} per category, however many lines). Categories become
 * tag values: lower case, characters a tag cannot hold replaced by {@code _}.
 */
public final class ToCategoryInterest implements FlatMapFunction<EventEnvelope<EventData>, CategoryInterest> {

    private static final long serialVersionUID = 1L;

    @Override
    public void flatMap(EventEnvelope<EventData> event, Collector<CategoryInterest> out) {
        if (event.subject() == null || event.subject().isBlank()) {
            return;
        }
        if (event.data() instanceof PageViewed view) {
            emit(event, Stream.of(view.category()), CategoryAffinitySettings.VIEW_WEIGHT, out);
        } else if (event.data() instanceof CartItemAdded added) {
            emit(event, Stream.of(added.category()), CategoryAffinitySettings.CART_WEIGHT, out);
        } else if (event.data() instanceof OrderPlaced order && order.lines() != null) {
            emit(
                    event,
                    order.lines().stream().filter(Objects::nonNull).map(OrderPlaced.Line::category),
                    CategoryAffinitySettings.ORDER_WEIGHT,
                    out);
        }
    }

    private static void emit(
            EventEnvelope<EventData> event, Stream<String> categories, double weight, Collector<CategoryInterest> out) {
        String[] usable = categories
                .map(ToCategoryInterest::category)
                .filter(category -> !category.isEmpty())
                .distinct()
                .sorted()
                .toArray(String[]::new);
        if (usable.length > 0) {
            out.collect(new CategoryInterest(
                    event.subject(), event.id().toString(), event.time().toEpochMilli(), usable, weight));
        }
    }

    static String category(String raw) {
        return raw == null ? "" : Signals.tagValue(raw.toLowerCase(Locale.ROOT));
    }
}
