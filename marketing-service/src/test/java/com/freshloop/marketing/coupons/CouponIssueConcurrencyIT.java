package com.freshloop.marketing.coupons;

import static com.freshloop.marketing.coupons.TemplateRequests.createTemplate;
import static com.freshloop.marketing.coupons.TemplateRequests.issue;
import static com.freshloop.marketing.coupons.TemplateRequests.issuesOf;
import static com.freshloop.marketing.coupons.TemplateRequests.spendSave;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class CouponIssueConcurrencyIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    String ops;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        ops = TestTokens.operator("ops");
    }

    @Test
    void fiftyParallelIssuesAtAStockOfTwentyIssueExactlyTwenty() throws Exception {
        UUID template = createTemplate(api, spendSave(20, 1));
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<ApiClient.Response> responses = inParallel(
                50, i -> api.post(issuesOf(template), ops, issue("u-" + run + "-" + i, "r-" + run + "-" + i)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(20);
        assertThat(responses).filteredOn(r -> r.status() == 409).hasSize(30);
        assertThat(jdbc.sql("select count(*) from coupon where template_id = :t")
                        .param("t", template)
                        .query(Long.class)
                        .single())
                .isEqualTo(20L);
        assertThat(jdbc.sql("select issued from coupon_template where id = :t")
                        .param("t", template)
                        .query(Integer.class)
                        .single())
                .isEqualTo(20);
    }

    @Test
    void parallelRetriesOfOneRequestIssueOneCoupon() throws Exception {
        UUID template = createTemplate(api, spendSave(20, 5));
        String user = "u-" + UUID.randomUUID();
        String requestId = "r-" + UUID.randomUUID();

        List<ApiClient.Response> responses =
                inParallel(10, i -> api.post(issuesOf(template), ops, issue(user, requestId)));

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(9);
        assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct())
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from coupon where template_id = :t")
                        .param("t", template)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private static List<ApiClient.Response> inParallel(int n, IntFunction<ApiClient.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<ApiClient.Response> task = () -> {
                    start.await();
                    return call.apply(index);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
