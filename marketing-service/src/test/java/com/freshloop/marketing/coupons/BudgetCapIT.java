package com.freshloop.marketing.coupons;

import static com.freshloop.marketing.coupons.TemplateRequests.TEMPLATES;
import static com.freshloop.marketing.coupons.TemplateRequests.createTemplate;
import static com.freshloop.marketing.coupons.TemplateRequests.issue;
import static com.freshloop.marketing.coupons.TemplateRequests.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
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
class BudgetCapIT {

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

    static String budgeted(int totalStock, String budget) {
        return """
                {"name": "budgeted 10 off", "kind": "no_threshold", "value": 10,
                 "validDays": 7, "totalStock": %d, "perUserLimit": 5, "budget": %s}
                """.formatted(totalStock, budget);
    }

    @Test
    void issuingStopsWithAConflictOnceTheBudgetWouldBeExceeded() {
        UUID template = createTemplate(api, budgeted(100, "35"));
        var created = api.get(TEMPLATES + "/" + template, ops).json();
        assertThat(created.get("budget").decimalValue()).isEqualByComparingTo("35");
        assertThat(created.get("budgetUsed").decimalValue()).isEqualByComparingTo("0");

        for (int i = 0; i < 3; i++) {
            assertThat(api.post(issuesOf(template), ops, issue("u-" + UUID.randomUUID(), "r-" + UUID.randomUUID()))
                            .status())
                    .isEqualTo(201);
        }
        var over = api.post(issuesOf(template), ops, issue("u-" + UUID.randomUUID(), "r-" + UUID.randomUUID()));
        assertThat(over.status()).isEqualTo(409);
        assertThat(over.isProblem()).isTrue();
        assertThat(over.json().get("detail").asString()).contains("budget").contains("30.00 of 35.00");

        var after = api.get(TEMPLATES + "/" + template, ops).json();
        assertThat(after.get("issued").asInt()).isEqualTo(3);
        assertThat(after.get("budgetUsed").decimalValue()).isEqualByComparingTo("30");
    }

    @Test
    void parallelIssuesNeverPassTheBudget() throws Exception {
        // The stock would allow 100, the budget 200 / 10 = 20.
        UUID template = createTemplate(api, budgeted(100, "200"));
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
        assertThat(jdbc.sql("select budget_used from coupon_template where id = :t")
                        .param("t", template)
                        .query(BigDecimal.class)
                        .single())
                .isEqualByComparingTo("200");
    }

    @Test
    void flashClaimsStopAtTheBudget() {
        UUID template = createTemplate(api, budgeted(100, "50"));
        int won = 0;
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            var claim = api.post(
                    "/api/v1/marketing/me/claims/" + template, TestTokens.shopper("c-" + UUID.randomUUID()), "");
            if (claim.status() == 201) {
                won++;
            } else {
                assertThat(claim.status()).isEqualTo(409);
                assertThat(claim.isProblem()).isTrue();
                refused++;
            }
        }
        assertThat(won).isEqualTo(5);
        assertThat(refused).isEqualTo(3);
    }

    @Test
    void aBudgetIsOnlyForAmountOffKindsAndMustCoverOneCoupon() {
        var percentage = api.post(TEMPLATES, ops, """
                {"name": "10 percent", "kind": "percentage", "value": 10,
                 "validDays": 7, "totalStock": 10, "perUserLimit": 1, "budget": 100}
                """);
        assertThat(percentage.status()).isEqualTo(422);
        assertThat(percentage.json().get("detail").asString()).contains("budget: only amount-off");

        var tooSmall = api.post(TEMPLATES, ops, budgeted(10, "5"));
        assertThat(tooSmall.status()).isEqualTo(422);
        assertThat(tooSmall.json().get("detail").asString()).contains("budget: must cover at least one coupon");

        var negative = api.post(TEMPLATES, ops, budgeted(10, "-5"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("budget");

        var notANumber = api.post(TEMPLATES, ops, budgeted(10, "\"lots\""));
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.isProblem()).isTrue();
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
