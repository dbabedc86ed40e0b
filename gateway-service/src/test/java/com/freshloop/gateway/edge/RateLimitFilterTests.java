package com.freshloop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The filter's decisions, with the token buckets replaced by fixed answers (Redis is tested in RateLimitIT). */
class RateLimitFilterTests {

    /** Answers every bucket with the given decision and records which buckets were asked. */
    static final class FixedLimiter extends RedisRateLimiter {
        final Map<String, Boolean> allowed;
        final List<String> asked = new ArrayList<>();

        FixedLimiter(Map<String, Boolean> allowed) {
            super(1, 1);
            this.allowed = allowed;
        }

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            asked.add(routeId);
            return Mono.just(new Response(allowed.getOrDefault(routeId, true), Map.of("X-RateLimit-Remaining", "7")));
        }
    }

    final AtomicInteger continued = new AtomicInteger();
    final WebFilterChain chain = exchange -> Mono.fromRunnable(continued::incrementAndGet);

    @Test
    void anAllowedSignedInRequestContinuesTheChainExactlyOnce() {
        var limiter = new FixedLimiter(Map.of());
        ServerWebExchange exchange =
                signedIn(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me")));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(1);
        assertThat(limiter.asked).containsExactly(RateLimitFilter.IP_BUCKET, RateLimitFilter.USER_BUCKET);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("7");
    }

    @Test
    void anAnonymousRequestIsLimitedByAddressAndContinuesOnce() {
        var limiter = new FixedLimiter(Map.of());
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me"));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(1);
        assertThat(limiter.asked).containsExactly(RateLimitFilter.IP_BUCKET);
    }

    @Test
    void aUserOverTheLimitGetsA429AndTheChainNeverRuns() {
        var limiter = new FixedLimiter(Map.of(RateLimitFilter.USER_BUCKET, false));
        ServerWebExchange exchange =
                signedIn(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me")));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void anAddressOverTheLimitGetsA429BeforeTheUserIsLookedAt() {
        var limiter = new FixedLimiter(Map.of(RateLimitFilter.IP_BUCKET, false));
        ServerWebExchange exchange =
                signedIn(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me")));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(0);
        assertThat(limiter.asked).containsExactly(RateLimitFilter.IP_BUCKET);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void pathsOutsideTheApisAreNotLimited() {
        var limiter = new FixedLimiter(Map.of(RateLimitFilter.IP_BUCKET, false));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(1);
        assertThat(limiter.asked).isEmpty();
    }

    private static RateLimitFilter filter(RedisRateLimiter limiter) {
        return new RateLimitFilter(limiter, new EdgeProperties(null, null, null));
    }

    private static ServerWebExchange signedIn(ServerWebExchange exchange) {
        Principal user = () -> "u-1";
        return exchange.mutate().principal(Mono.just(user)).build();
    }
}
