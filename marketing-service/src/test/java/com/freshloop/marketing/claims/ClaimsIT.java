package com.freshloop.marketing.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.starter.web.ConflictException;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class ClaimsIT {

    static final String TEMPLATES = "/admin/v1/marketing/coupon-templates";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Claims claims;

    @Autowired
    ClaimStock stock;

    ApiClient api;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
    }

    @Test
    void tenThousandConcurrentClaimsAtAThousandUnitCouponIssueExactlyAThousand() throws Exception {
        UUID template = template(1_000, 1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger won = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        long[] latencies = new long[10_000];
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                String user = "claim-" + run + "-" + i;
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    long t0 = System.nanoTime();
                    try {
                        claims.claim(template, user);
                        won.incrementAndGet();
                    } catch (ConflictException e) {
                        refused.incrementAndGet();
                    }
                    latencies[index] = System.nanoTime() - t0;
                    return null;
                }));
            }
            long began = System.nanoTime();
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(
                    "flash claims (service layer, 32 threads): %.0f claims/s, p50 %.2f ms, p99 %.2f ms%n",
                    10_000 / seconds, latencies[5_000] / 1e6, latencies[9_900] / 1e6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(won).hasValue(1_000);
        assertThat(refused).hasValue(9_000);
        assertThat(jdbc.sql("select count(*) from coupon where template_id = :t")
                        .param("t", template)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1_000);
        assertThat(jdbc.sql("select issued from coupon_template where id = :t")
                        .param("t", template)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1_000);
        assertThat(stock.remaining(template)).isZero();
    }

    @Test
    void aShopperClaimsUpToTheirLimitThroughTheApi() {
        UUID template = template(5, 2);
        String shopper = TestTokens.shopper("claimer-" + UUID.randomUUID());
        String path = "/api/v1/marketing/me/claims/" + template;
        assertThat(api.post(path, shopper, "").status()).isEqualTo(201);
        assertThat(api.post(path, shopper, "").status()).isEqualTo(201);
        var third = api.post(path, shopper, "");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("detail").asString()).contains("limit");
        assertThat(api.post("/api/v1/marketing/me/claims/" + UUID.randomUUID(), shopper, "")
                        .status())
                .isEqualTo(404);
        assertThat(api.post(path, null, "").status()).isEqualTo(401);
        assertThat(stock.remaining(template)).isEqualTo(3);
    }

    private UUID template(int stock, int perUserLimit) {
        var response = api.post(TEMPLATES, TestTokens.operator("ops"), """
                {"name": "flash 10 off", "kind": "no_threshold", "value": 10,
                 "validDays": 3, "totalStock": %d, "perUserLimit": %d}
                """.formatted(stock, perUserLimit));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }
}
