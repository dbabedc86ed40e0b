package com.freshloop.recommendation.serving;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shopper state serving reads, in Redis: precomputed lists, carts, recently viewed products, items
 * the stream jobs flagged as due, and the latest weather per region. Every call goes through one circuit
 * breaker: after repeated failures it opens and calls fail fast with {@link StateUnavailable}, so a
 * Redis outage costs shoppers nothing but personalisation.
 */
@Component
public class StateStore {

    static final String LIST = "rec:list:";
    static final String CART = "rec:cart:";
    static final String VIEWED = "rec:viewed:";
    static final String DUE = "rec:due:";
    static final String WEATHER = "rec:weather:";
    static final int VIEWED_KEPT = 20;
    static final Duration STATE_TTL = Duration.ofDays(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StringRedisTemplate redis;
    private final ServingProperties properties;
    private final CircuitBreaker breaker;

    StateStore(StringRedisTemplate redis, ServingProperties properties) {
        this.redis = redis;
        this.properties = properties;
        this.breaker = CircuitBreaker.of(
                "redis",
                CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(properties.breakerWait())
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .build());
    }

    public CircuitBreaker.State breakerState() {
        return breaker.getState();
    }

    public @Nullable PersonalList list(String userId) {
        String json = call(() -> redis.opsForValue().get(LIST + userId));
        return json == null ? null : JSON.readValue(json, PersonalList.class);
    }

    public void putList(PersonalList list) {
        String json = JSON.writeValueAsString(list);
        call(() -> {
            redis.opsForValue().set(LIST + list.userId(), json, properties.listTtl());
            return null;
        });
    }

    public void dropList(String userId) {
        call(() -> redis.delete(LIST + userId));
    }

    public Set<String> cart(String userId) {
        Set<String> members = call(() -> redis.opsForSet().members(CART + userId));
        return members == null ? Set.of() : members;
    }

    public void addToCart(String userId, String sku) {
        call(() -> {
            redis.opsForSet().add(CART + userId, sku);
            redis.expire(CART + userId, STATE_TTL);
            return null;
        });
    }

    public void removeFromCart(String userId, String sku) {
        call(() -> redis.opsForSet().remove(CART + userId, sku));
    }

    public void clearCart(String userId) {
        call(() -> redis.delete(CART + userId));
    }

    /** Most recent first, distinct. */
    public List<String> viewed(String userId) {
        List<String> viewed = call(() -> redis.opsForList().range(VIEWED + userId, 0, VIEWED_KEPT - 1));
        return viewed == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(viewed));
    }

    public void viewed(String userId, String sku) {
        call(() -> {
            redis.opsForList().leftPush(VIEWED + userId, sku);
            redis.opsForList().trim(VIEWED + userId, 0, VIEWED_KEPT - 1);
            redis.expire(VIEWED + userId, STATE_TTL);
            return null;
        });
    }

    /** Items the stream jobs say are due, with the shopper's cycle in days. */
    public Map<String, Double> due(String userId) {
        Map<Object, Object> due = call(() -> redis.opsForHash().entries(DUE + userId));
        Map<String, Double> result = new LinkedHashMap<>();
        if (due != null) {
            due.forEach((sku, cycle) -> result.put(sku.toString(), Double.parseDouble(cycle.toString())));
        }
        return result;
    }

    public void markDue(String userId, String sku, double cycleDays) {
        call(() -> {
            redis.opsForHash().put(DUE + userId, sku, Double.toString(cycleDays));
            redis.expire(DUE + userId, Duration.ofDays(3));
            return null;
        });
    }

    public void clearDue(String userId, Iterable<String> skus) {
        call(() -> {
            for (String sku : skus) {
                redis.opsForHash().delete(DUE + userId, sku);
            }
            return null;
        });
    }

    public @Nullable Observed weather(String region) {
        Map<Object, Object> weather = call(() -> redis.opsForHash().entries(WEATHER + region));
        if (weather == null || weather.isEmpty()) {
            return null;
        }
        return new Observed(
                Double.parseDouble(weather.get("temperatureC").toString()),
                weather.get("condition").toString(),
                weather.get("date").toString());
    }

    public void weather(String region, Observed observed) {
        call(() -> {
            redis.opsForHash()
                    .putAll(
                            WEATHER + region,
                            Map.of(
                                    "temperatureC", Double.toString(observed.temperatureC()),
                                    "condition", observed.condition(),
                                    "date", observed.date()));
            redis.expire(WEATHER + region, Duration.ofDays(2));
            return null;
        });
    }

    /** The latest weather of a region. */
    public record Observed(double temperatureC, String condition, String date) {}

    private <T> @Nullable T call(Supplier<@Nullable T> operation) {
        try {
            return breaker.executeSupplier(operation);
        } catch (CallNotPermittedException e) {
            throw new StateUnavailable("Redis circuit breaker is open", e);
        } catch (RuntimeException e) {
            throw new StateUnavailable("Redis failed: " + e.getMessage(), e);
        }
    }
}
