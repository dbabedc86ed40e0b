package com.freshloop.gateway.edge;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
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
 * both taken in one Redis round trip by {@link TokenBuckets} so that all gateway replicas share them.
 * Over the limit is a 429 problem with {@code Retry-After}. If Redis is unreachable the limiter lets
 * requests through rather than taking the app down.
 */
public class RateLimitFilter implements WebFilter, Ordered {

    private final TokenBuckets buckets;

    public RateLimitFilter(TokenBuckets buckets) {
        this.buckets = buckets;
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
        // decide first, then continue the chain exactly once
        return exchange.getPrincipal()
                .map(principal -> Optional.of(principal.getName()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> buckets.take(ip, user.orElse(null)))
                .flatMap(decision -> {
                    if (decision.allowed()) {
                        limitHeaders(exchange.getResponse(), decision);
                        return chain.filter(exchange);
                    }
                    return reject(
                            exchange,
                            decision,
                            TokenBuckets.IP_BUCKET.equals(decision.deniedBy())
                                    ? "Too many requests from your address."
                                    : "Too many requests; slow down.");
                });
    }

    private static void limitHeaders(ServerHttpResponse response, TokenBuckets.Decision decision) {
        if (decision.remaining() < 0) {
            return; // Redis did not answer: nothing to report
        }
        response.getHeaders().set("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        response.getHeaders()
                .set(
                        "X-RateLimit-Replenish-Rate",
                        Integer.toString(decision.limit().replenishRate()));
        response.getHeaders()
                .set(
                        "X-RateLimit-Burst-Capacity",
                        Long.toString(decision.limit().burstCapacity()));
    }

    private static Mono<Void> reject(ServerWebExchange exchange, TokenBuckets.Decision decision, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        limitHeaders(response, decision);
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
}
