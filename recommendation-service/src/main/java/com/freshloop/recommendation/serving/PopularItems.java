package com.freshloop.recommendation.serving;

import com.freshloop.recommendation.purchases.PopularItem;
import com.freshloop.recommendation.purchases.PurchaseHistory;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The most ordered items, kept in memory: the fallback when Redis or the database fails, so it never
 * needs either at request time. Refreshed from the database every few seconds; a failed refresh keeps
 * the last good list. Each refresh also publishes the list to Redis under {@value #PUBLISHED_KEY} (a
 * JSON array of {@code {sku, name, category}}, kept a day): the gateway answers a shopper's
 * recommendations from it when this service is down.
 */
@Component
class PopularItems {

    private static final Logger log = LoggerFactory.getLogger(PopularItems.class);
    static final int KEPT = 100;
    static final int PUBLISHED = 50;
    /** The key the gateway's recommendations fallback reads; the contract between the two services. */
    static final String PUBLISHED_KEY = "freshloop:recommendations:popular";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PurchaseHistory purchases;
    private final StringRedisTemplate redis;
    private volatile List<PopularItem> items = List.of();

    PopularItems(PurchaseHistory purchases, StringRedisTemplate redis) {
        this.purchases = purchases;
        this.redis = redis;
    }

    List<PopularItem> items() {
        return items;
    }

    @PostConstruct
    @Scheduled(
            fixedDelayString = "${freshloop.recommendation.serving.popular-refresh:PT10S}",
            initialDelayString = "${freshloop.recommendation.serving.popular-refresh:PT10S}")
    void refresh() {
        try {
            items = List.copyOf(purchases.popular(KEPT));
        } catch (RuntimeException e) {
            log.warn("Could not refresh popular items; keeping the last {} ({})", items.size(), e.getMessage());
            return;
        }
        publish(items);
    }

    /** Best effort: Redis trouble must not stop the in-memory list from refreshing. */
    void publish(List<PopularItem> list) {
        if (list.isEmpty()) {
            return;
        }
        List<Map<String, Object>> published = new ArrayList<>();
        for (PopularItem item : list.subList(0, Math.min(PUBLISHED, list.size()))) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sku", item.sku());
            entry.put("name", item.name());
            entry.put("category", item.category());
            published.add(entry);
        }
        try {
            redis.opsForValue().set(PUBLISHED_KEY, JSON.writeValueAsString(published), Duration.ofDays(1));
        } catch (RuntimeException e) {
            log.debug("Could not publish popular items to Redis: {}", e.getMessage());
        }
    }
}
