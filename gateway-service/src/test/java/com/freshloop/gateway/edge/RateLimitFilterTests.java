package com.freshloop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The filter's decisions, with the token buckets replaced by fixed answers (Redis is tested in RateLimitIT). */
class RateLimitFilterTests {

    /** Answers with the first denying bucket of {@code allowed} (address before user) and records the calls. */
    static final class FixedLimiter extends TokenBuckets {
        final Map<String, Boolean> allowed;
        final List<String> asked = new ArrayList<>();

        FixedLimiter(Map<String, Boolean> allowed) {
            super(null, new EdgeProperties.Limit(1, 1), new EdgeProperties.Limit(1, 1));
            this.allowed = allowed;
        }

        @Override
        public Mono<Decision> take(String ip, String user) {
            asked.add(TokenBuckets.IP_BUCKET);
            var limit = new EdgeProperties.Limit(1, 1);
            if (!allowed.getOrDefault(TokenBuckets.IP_BUCKET, true)) {
                return Mono.just(new Decision(false, TokenBuckets.IP_BUCKET, 0, limit));
            }
            if (user == null) {
                return Mono.just(new Decision(true, null, 7, limit));
            }
            asked.add(TokenBuckets.USER_BUCKET);
            boolean userAllowed = allowed.getOrDefault(TokenBuckets.USER_BUCKET, true);
            return Mono.just(new Decision(userAllowed, userAllowed ? null : TokenBuckets.USER_BUCKET, 7, limit));
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
        assertThat(limiter.asked).containsExactly(TokenBuckets.IP_BUCKET, TokenBuckets.USER_BUCKET);
        assertThat(exchange.getResponse().getHeaders().getFirst("X-RateLimit-Remaining"))
                .isEqualTo("7");
    }

    @Test
    void anAnonymousRequestIsLimitedByAddressAndContinuesOnce() {
        var limiter = new FixedLimiter(Map.of());
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me"));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(1);
        assertThat(limiter.asked).containsExactly(TokenBuckets.IP_BUCKET);
    }

    @Test
    void aUserOverTheLimitGetsA429AndTheChainNeverRuns() {
        var limiter = new FixedLimiter(Map.of(TokenBuckets.USER_BUCKET, false));
        ServerWebExchange exchange =
                signedIn(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me")));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(0);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(exchange.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("1");
    }

    @Test
    void anAddressOverTheLimitGetsA429BeforeTheUserIsLookedAt() {
        var limiter = new FixedLimiter(Map.of(TokenBuckets.IP_BUCKET, false));
        ServerWebExchange exchange =
                signedIn(MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/profile/me")));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(0);
        assertThat(limiter.asked).containsExactly(TokenBuckets.IP_BUCKET);
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void pathsOutsideTheApisAreNotLimited() {
        var limiter = new FixedLimiter(Map.of(TokenBuckets.IP_BUCKET, false));
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"));

        filter(limiter).filter(exchange, chain).block();

        assertThat(continued).hasValue(1);
        assertThat(limiter.asked).isEmpty();
    }

    private static RateLimitFilter filter(TokenBuckets limiter) {
        return new RateLimitFilter(limiter);
    }

    private static ServerWebExchange signedIn(ServerWebExchange exchange) {
        Principal user = () -> "u-1";
        return exchange.mutate().principal(Mono.just(user)).build();
    }
}
