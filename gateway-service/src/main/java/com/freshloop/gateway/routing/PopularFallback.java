package com.freshloop.gateway.routing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * When recommendation-service cannot answer a shopper's {@code GET /api/v1/recommendations/me} (down,
 * slow, or its circuit open), the app still gets a list: the popular items recommendation-service last
 * published to Redis under {@value #KEY} (a JSON array of {@code {sku, name, category}}, refreshed every
 * few seconds and kept for a day), in the same shape the service answers, marked {@code fallback: true}.
 * Without that list (or without Redis) the caller gets the usual 503 problem.
 */
@Component
class PopularFallback {

    /** The Redis key recommendation-service writes the popular list to; the contract between the two. */
    static final String KEY = "freshloop:recommendations:popular";

    static final String PATH = "/api/v1/recommendations/me";
    static final String REASON = "popular with other shoppers";
    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 50;
    private static final Pattern CONTEXT = Pattern.compile("home|cart|product:[A-Za-z0-9_.:-]{1,64}");
    private static final Logger log = LoggerFactory.getLogger(PopularFallback.class);

    private final ReactiveStringRedisTemplate redis;
    private final JsonMapper json = JsonMapper.builder().build();

    PopularFallback(ReactiveStringRedisTemplate redis) {
        this.redis = redis;
    }

    /** The fallback list for this exchange, or empty when there is none to give. */
    Mono<Map<String, Object>> recommendations(ServerWebExchange exchange) {
        var query = exchange.getRequest().getQueryParams();
        int limit = limit(query.getFirst("limit"));
        String context = context(query.getFirst("context"));
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getName)
                .flatMap(user -> redis.opsForValue()
                        .get(KEY)
                        .timeout(Duration.ofSeconds(1))
                        .flatMap(list -> Mono.justOrEmpty(body(user, context, limit, list))))
                .onErrorResume(e -> {
                    log.warn("No popular fallback for recommendations: {}", e.toString());
                    return Mono.empty();
                });
    }

    Optional<Map<String, Object>> body(String user, String context, int limit, String published) {
        JsonNode items = json.readTree(published);
        if (!items.isArray() || items.isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (JsonNode item : items) {
            if (list.size() == limit) {
                break;
            }
            String sku = item.path("sku").asString("");
            if (sku.isBlank()) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("sku", sku);
            entry.put("name", text(item, "name"));
            entry.put("category", text(item, "category"));
            entry.put("strategy", "popular");
            entry.put("reason", REASON);
            entry.put("experiment", null);
            entry.put("variant", null);
            list.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", user);
        body.put("context", context);
        body.put("fallback", true);
        body.put("experiment", null);
        body.put("variant", null);
        body.put("items", list);
        return Optional.of(body);
    }

    static int limit(@Nullable String value) {
        try {
            int limit = value == null ? DEFAULT_LIMIT : Integer.parseInt(value.trim());
            return limit < 1 ? DEFAULT_LIMIT : Math.min(limit, MAX_LIMIT);
        } catch (NumberFormatException e) {
            return DEFAULT_LIMIT;
        }
    }

    static String context(@Nullable String value) {
        return value != null && CONTEXT.matcher(value).matches() ? value : "home";
    }

    private static @Nullable String text(JsonNode item, String field) {
        JsonNode node = item.get(field);
        return node == null || node.isNull() ? null : node.asString();
    }
}
