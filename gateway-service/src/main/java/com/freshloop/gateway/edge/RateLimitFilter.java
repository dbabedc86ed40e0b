package com.freshloop.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Map;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Per-user and per-IP token buckets for every API request (routes and the event collector alike),
 * kept in Redis by Spring Cloud Gateway's {@link RedisRateLimiter} so that all gateway replicas
 * share them. Over the limit is a 429 problem with {@code Retry-After}. If Redis is unreachable
 * the limiter lets requests through rather than taking the app down.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    static final String USER_BUCKET = "user";
    static final String IP_BUCKET = "ip";

    private final RedisRateLimiter limiter;

    public RateLimitFilter(RedisRateLimiter limiter, EdgeProperties properties) {
        this.limiter = limiter;
        limiter.getConfig().put(USER_BUCKET, config(properties.perUser()));
        limiter.getConfig().put(IP_BUCKET, config(properties.perIp()));
    }

    @Override
    public int getOrder() {
        // after Spring Security's filter chain (-100), so the caller is known
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/") && !path.startsWith("/admin/")) {
            return chain.filter(exchange);
        }
        String ip = clientAddress(exchange);
        return limiter.isAllowed(IP_BUCKET, "ip:" + ip).flatMap(byIp -> {
            if (!byIp.isAllowed()) {
                return reject(exchange, byIp, "Too many requests from your address.");
            }
            // decide first, then continue the chain exactly once: chain.filter completes empty, so it
            // must not sit before a switchIfEmpty (that would run the rest of the chain a second time)
            return exchange.getPrincipal()
                    .map(Principal::getName)
                    .flatMap(user -> limiter.isAllowed(USER_BUCKET, "user:" + user))
                    .flatMap(byUser -> byUser.isAllowed()
                            ? copyHeaders(exchange, byUser).thenReturn(Boolean.TRUE)
                            : reject(exchange, byUser, "Too many requests; slow down.")
                                    .thenReturn(Boolean.FALSE))
                    .defaultIfEmpty(Boolean.TRUE)
                    .flatMap(allowed -> allowed ? chain.filter(exchange) : Mono.empty());
        });
    }

    private static Mono<Void> copyHeaders(ServerWebExchange exchange, RateLimiter.Response response) {
        response.getHeaders()
                .forEach((name, value) -> exchange.getResponse().getHeaders().set(name, value));
        return Mono.empty();
    }

    private static Mono<Void> reject(ServerWebExchange exchange, RateLimiter.Response limit, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        limit.getHeaders().forEach((name, value) -> response.getHeaders().set(name, value));
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", "1");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,\"detail\":\"" + detail
                        + "\",\"instance\":\""
                        + exchange.getRequest().getPath().value().replace("\"", "") + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static String clientAddress(ServerWebExchange exchange) {
        var address = exchange.getRequest().getRemoteAddress();
        return address == null || address.getAddress() == null
                ? "unknown"
                : address.getAddress().getHostAddress();
    }

    private static RedisRateLimiter.Config config(EdgeProperties.Limit limit) {
        return new RedisRateLimiter.Config()
                .setReplenishRate(limit.replenishRate())
                .setBurstCapacity(limit.burstCapacity())
                .setRequestedTokens(1);
    }

    static Map<String, String> headersOf(RateLimiter.Response response) {
        return response.getHeaders();
    }
}
