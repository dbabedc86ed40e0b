package com.freshloop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "freshloop.edge.per-user.replenish-rate=1",
            "freshloop.edge.per-user.burst-capacity=2",
            "freshloop.edge.per-ip.replenish-rate=1000",
            "freshloop.edge.per-ip.burst-capacity=1000",
            "freshloop.gateway.services.profile-service.uri=http://localhost:1"
        })
@Import({KafkaInfrastructure.class, RedisInfrastructure.class})
class RateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void aUserOverTheirBucketGets429WithRetryAfterWhileOthersAreServed() {
        ApiClient api = ApiClient.local(port);
        String greedy = TestTokens.shopper("greedy-" + UUID.randomUUID());
        // eight requests at once: a bucket of 2 refilled at 1/s cannot serve them all, however slow the machine
        List<ApiClient.Response> responses;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<ApiClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(pool.submit(() -> api.get("/api/v1/profile/me", greedy)));
            }
            responses = new ArrayList<>();
            for (var call : calls) {
                responses.add(call.get());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses =
                responses.stream().map(ApiClient.Response::status).toList();
        assertThat(statuses).contains(429);
        ApiClient.Response limited =
                responses.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThat(limited.isProblem()).isTrue();
        assertThat(limited.header("Retry-After")).isEqualTo("1");
        // another user has their own bucket: not limited (the upstream is down: the fallback's 503)
        assertThat(api.get("/api/v1/profile/me", TestTokens.shopper("calm-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(503);
    }
}
