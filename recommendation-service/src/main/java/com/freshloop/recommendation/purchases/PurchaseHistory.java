package com.freshloop.recommendation.purchases;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.starter.kafka.ProcessedEvents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Purchase counts per shopper and per SKU, kept from order events, and the recommendations built on them. */
@Service
public class PurchaseHistory {

    static final String CONSUMER = "recommendation-service.purchases";

    private final PurchaseRepository repository;
    private final ProcessedEvents processed;
    private final Clock clock;

    PurchaseHistory(PurchaseRepository repository, ProcessedEvents processed, Clock clock) {
        this.repository = repository;
        this.processed = processed;
        this.clock = clock;
    }

    /**
     * Counts a placed order once, whatever the number of deliveries, and keeps it as a basket; other
     * behaviour is ignored. True when the order was applied now (not a redelivery or another type).
     */
    @Transactional
    public boolean apply(EventEnvelope<EventData> event) {
        if (!(event.data() instanceof OrderPlaced order) || event.subject() == null) {
            return false;
        }
        if (!processed.firstDelivery(CONSUMER, event.id())) {
            return false;
        }
        // One count per order and SKU even if the SKU is on several lines; sorted so that concurrent
        // orders lock the same rows in the same order.
        Map<String, Bought> bySku = new TreeMap<>();
        for (OrderPlaced.Line line : order.lines()) {
            bySku.merge(
                    line.sku(),
                    new Bought(line.name(), line.category(), line.quantity()),
                    (a, b) -> new Bought(a.name(), a.category(), a.units() + b.units()));
        }
        bySku.forEach((sku, bought) -> {
            repository.countOrder(sku, bought.name(), bought.category(), bought.units(), event.time());
            repository.countPurchase(event.subject(), sku, bought.units(), event.time());
        });
        repository.saveBasket(
                event.id(), event.subject(), order.region(), event.time(), order.total(), List.copyOf(bySku.keySet()));
        return true;
    }

    /** The shopper's baskets, oldest first. */
    @Transactional(readOnly = true)
    public List<StoredBasket> basketsOf(String userId) {
        return repository.basketsOf(userId);
    }

    /** Streams every basket ordered by shopper then time (the training data of the models). */
    @Transactional(readOnly = true)
    public void forEachBasket(Consumer<StoredBasket> consumer) {
        repository.forEachBasket(consumer);
    }

    /** Name and category of every SKU ever ordered. */
    @Transactional(readOnly = true)
    public Map<String, ItemInfo> catalogue() {
        return repository.catalogue();
    }

    /** How many orders the shopper placed and where the last one went. */
    @Transactional(readOnly = true)
    public ShopperSummary summaryOf(String userId) {
        return repository.summaryOf(userId);
    }

    /**
     * The shopper's own items first (most often bought, then most recently), then items popular with
     * everybody that the shopper has not bought yet, up to {@code limit} in all.
     */
    @Transactional(readOnly = true)
    public List<Recommendation> recommendFor(String userId, int limit) {
        Instant now = clock.instant();
        List<Recommendation> items = new ArrayList<>(limit);
        for (PurchasedItem item : repository.boughtBy(userId, limit)) {
            items.add(new Recommendation(
                    item.sku(), item.name(), item.category(), Recommendation.REPURCHASE, reason(item, now)));
        }
        if (items.size() < limit) {
            for (PopularItem item : repository.popularNotBoughtBy(userId, limit - items.size())) {
                items.add(new Recommendation(
                        item.sku(),
                        item.name(),
                        item.category(),
                        Recommendation.POPULAR,
                        "popular with other shoppers"));
            }
        }
        return items;
    }

    @Transactional(readOnly = true)
    public List<PopularItem> popular(int limit) {
        return repository.popular(limit);
    }

    static String reason(PurchasedItem item, Instant now) {
        String what = item.name() == null || item.name().isBlank() ? item.sku() : item.name();
        String when = ago(Duration.between(item.lastAt(), now).toDays());
        return item.purchases() == 1
                ? "you bought " + what + " " + when
                : "you bought " + what + " " + times(item.purchases()) + ", last " + when;
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    private static String ago(long days) {
        if (days <= 0) {
            return "earlier today";
        }
        return days == 1 ? "yesterday" : days + " days ago";
    }

    private record Bought(@Nullable String name, @Nullable String category, int units) {}
}
