package com.freshloop.recommendation.serving;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies behaviour to the serving state in Redis. The state is a cache of behaviour that also lives
 * elsewhere (orders in the database, carts in the app), so a Redis failure is logged and skipped
 * rather than retried into the dead-letter topic.
 */
@Component
public class ShopperEvents {

    private static final Logger log = LoggerFactory.getLogger(ShopperEvents.class);

    private final StateStore state;
    private final ListRefresher refresher;

    ShopperEvents(StateStore state, ListRefresher refresher) {
        this.state = state;
        this.refresher = refresher;
    }

    /** An order: the cart is checked out, its items are no longer due, the list is recomputed. */
    public void ordered(String userId, List<String> skus) {
        quietly(() -> {
            state.clearCart(userId);
            state.clearDue(userId, skus);
        });
        refresher.refresh(userId);
    }

    public void addedToCart(String userId, String sku) {
        quietly(() -> state.addToCart(userId, sku));
    }

    public void removedFromCart(String userId, String sku) {
        quietly(() -> state.removeFromCart(userId, sku));
    }

    public void viewed(String userId, String sku) {
        quietly(() -> state.viewed(userId, sku));
    }

    public void due(String userId, String sku, double cycleDays) {
        quietly(() -> state.markDue(userId, sku, cycleDays));
    }

    public void weather(String region, double temperatureC, String condition, String date) {
        quietly(() -> state.weather(region, new StateStore.Observed(temperatureC, condition, date)));
    }

    private static void quietly(Runnable update) {
        try {
            update.run();
        } catch (StateUnavailable e) {
            log.warn("Serving state not updated: {}", e.getMessage());
        }
    }
}
