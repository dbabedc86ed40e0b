package com.freshloop.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

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

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Test
    void anAddressOverItsBucketIsRefusedWithoutSpendingTheUsersTokens() {
        var buckets = new TokenBuckets(redis, new EdgeProperties.Limit(1, 1), new EdgeProperties.Limit(1, 3));
        String user = "u-" + UUID.randomUUID();
        String busyAddress = "198.51.100." + ThreadLocalRandom.current().nextInt(256) + "-" + UUID.randomUUID();

        assertThat(buckets.take(busyAddress, user).block().allowed()).isTrue();
        for (int i = 0; i < 20; i++) {
            var refused = buckets.take(busyAddress, user).block();
            if (!refused.allowed()) {
                assertThat(refused.deniedBy()).isEqualTo(TokenBuckets.IP_BUCKET);
            }
        }
        // 20 refusals by address took none of the user's 3 tokens: from a fresh address the user still gets 2
        String otherAddress = "203.0.113.1-" + UUID.randomUUID();
        assertThat(buckets.take(otherAddress, user).block().allowed()).isTrue();
        assertThat(buckets.take(otherAddress + "b", user).block().allowed()).isTrue();
    }

    @Test
    void aUsersEmptyBucketRefillsAtItsRate() throws InterruptedException {
        var buckets = new TokenBuckets(redis, new EdgeProperties.Limit(1000, 1000), new EdgeProperties.Limit(1, 1));
        String user = "u-" + UUID.randomUUID();
        String address = "192.0.2.7-" + UUID.randomUUID();

        List<TokenBuckets.Decision> burst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            burst.add(buckets.take(address, user).block());
        }
        assertThat(burst.get(0).allowed()).isTrue();
        assertThat(burst).anySatisfy(d -> assertThat(d.deniedBy()).isEqualTo(TokenBuckets.USER_BUCKET));

        Thread.sleep(1_100);
        assertThat(buckets.take(address, user).block().allowed()).isTrue();
    }

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
