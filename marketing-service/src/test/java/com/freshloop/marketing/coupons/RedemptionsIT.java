package com.freshloop.marketing.coupons;

import static com.freshloop.marketing.coupons.TemplateRequests.createTemplate;
import static com.freshloop.marketing.coupons.TemplateRequests.issue;
import static com.freshloop.marketing.coupons.TemplateRequests.issuesOf;
import static com.freshloop.marketing.coupons.TemplateRequests.spendSave;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.marketing.v1.CouponRedeemed;
import com.freshloop.events.marketing.v1.CouponRestored;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class RedemptionsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String user;
    String ops;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID();
        ops = TestTokens.operator("ops");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void orderCarryingTheCouponRedeemsItOnceEvenWhenDeliveredTwice() {
        String coupon = issueCoupon();
        String orderId = "o-" + UUID.randomUUID();
        EventEnvelope<OrderPlaced> order = order(orderId, coupon, line("milk", 2), line("eggs", 1));
        kafka.publish(order);
        kafka.publish(order);
        // The same order arriving again as a new event (e.g. a producer retry) must not redeem twice either.
        kafka.publish(order(orderId, coupon, line("milk", 2), line("eggs", 1)));

        var events = kafka.await(
                Topics.MARKETING,
                e -> e.data() instanceof CouponRedeemed r && r.couponId().equals(coupon),
                1,
                Duration.ofSeconds(30));
        CouponRedeemed redeemed = (CouponRedeemed) events.get(0).data();
        assertThat(redeemed.orderId()).isEqualTo(orderId);
        assertThat(redeemed.discount()).isEqualByComparingTo("20");
        assertThat(events.get(0).subject()).isEqualTo(user);
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf(coupon).equals("redeemed"));
        assertThat(redemptionsOf(coupon)).isEqualTo(1);
        var mine = api.get("/api/v1/marketing/me/coupons", TestTokens.shopper(user));
        assertThat(mine.json().get("coupons").get(0).get("status").asString()).isEqualTo("redeemed");
    }

    @Test
    void replayedRedemptionIsAConflictAndChangesNothing() {
        String coupon = issueCoupon();
        String path = "/api/v1/marketing/me/coupons/" + coupon + "/redemptions";
        var first = api.post(path, TestTokens.shopper(user), "{\"orderId\": \"o-1\", \"subtotal\": 60}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("discount").decimalValue()).isEqualByComparingTo("20");
        Instant redeemedAt = redeemedAt(coupon);

        var replay = api.post(path, TestTokens.shopper(user), "{\"orderId\": \"o-1\", \"subtotal\": 60}");
        assertThat(replay.status()).isEqualTo(409);
        assertThat(replay.isProblem()).isTrue();
        var other = api.post(path, TestTokens.shopper(user), "{\"orderId\": \"o-2\", \"subtotal\": 60}");
        assertThat(other.status()).isEqualTo(409);

        assertThat(redemptionsOf(coupon)).isEqualTo(1);
        assertThat(redeemedAt(coupon)).isEqualTo(redeemedAt);
    }

    @Test
    void ofTwentyRacingRedemptionsExactlyOneSucceeds() throws Exception {
        String coupon = issueCoupon();
        String path = "/api/v1/marketing/me/coupons/" + coupon + "/redemptions";
        String token = TestTokens.shopper(user);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = "{\"orderId\": \"o-" + i + "\", \"subtotal\": 80}";
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post(path, token, body).status();
                }));
            }
            start.countDown();
            for (Future<Integer> f : futures) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        assertThat(redemptionsOf(coupon)).isEqualTo(1);
    }

    @Test
    void returningTheWholeOrderRestoresTheCouponButAPartialReturnDoesNot() {
        String coupon = issueCoupon();
        String orderId = "o-" + UUID.randomUUID();
        kafka.publish(order(orderId, coupon, line("milk", 2), line("eggs", 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(coupon).equals("redeemed"));

        kafka.publish(returned(orderId, "milk", 2));
        kafka.publish(returned(orderId, "milk", 2)); // over-returning one line does not complete the order
        await().atMost(Duration.ofSeconds(10)).until(() -> returnedUnits(coupon, "milk") == 2);
        assertThat(statusOf(coupon)).isEqualTo("redeemed");

        kafka.publish(returned(orderId, "eggs", 1));
        var restored = kafka.await(
                Topics.MARKETING,
                e -> e.data() instanceof CouponRestored r && r.couponId().equals(coupon),
                1,
                Duration.ofSeconds(30));
        assertThat(((CouponRestored) restored.get(0).data()).orderId()).isEqualTo(orderId);
        assertThat(statusOf(coupon)).isEqualTo("available");
    }

    @Test
    void operatorRedemptionIsAuditedAndRespectsTheThreshold() {
        String coupon = issueCoupon();
        String path = "/admin/v1/marketing/coupons/" + coupon + "/redemptions";
        var below = api.post(path, ops, "{\"userId\": \"%s\", \"orderId\": \"o-1\", \"subtotal\": 30}".formatted(user));
        assertThat(below.status()).isEqualTo(422);
        var ok = api.post(path, ops, "{\"userId\": \"%s\", \"orderId\": \"o-1\", \"subtotal\": 50}".formatted(user));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(jdbc.sql("select actor || ' ' || action from audit_log where target = :t")
                        .param("t", "coupon:" + coupon)
                        .query(String.class)
                        .list())
                .contains("ops coupon.redeem");
    }

    @Test
    void anotherUsersCouponIsNotFoundAndBadInputIsAProblemNamingTheField() {
        String coupon = issueCoupon();
        String path = "/api/v1/marketing/me/coupons/" + coupon + "/redemptions";
        assertThat(api.post(path, TestTokens.shopper("someone-else"), "{\"orderId\": \"o-1\"}")
                        .status())
                .isEqualTo(404);
        var bad = api.post(path, TestTokens.shopper(user), "{\"orderId\": \"has spaces\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("orderId");
        assertThat(api.post(path, null, "{\"orderId\": \"o-1\"}").status()).isEqualTo(401);
        assertThat(api.post(
                                "/admin/v1/marketing/coupons/" + coupon + "/redemptions",
                                TestTokens.shopper(user),
                                "{\"userId\": \"%s\", \"orderId\": \"o-1\"}".formatted(user))
                        .status())
                .isEqualTo(403);
        assertThat(statusOf(coupon)).isEqualTo("available");
    }

    private String issueCoupon() {
        UUID template = createTemplate(api, spendSave(10, 1));
        var issued = api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    private EventEnvelope<OrderPlaced> order(String orderId, String couponId, OrderPlaced.Line... lines) {
        return EventEnvelope.of(
                "gateway-service",
                user,
                Instant.now(),
                new OrderPlaced(
                        orderId,
                        "sh-pudong",
                        List.of(lines),
                        new BigDecimal("68.00"),
                        new BigDecimal("20.00"),
                        new BigDecimal("48.00"),
                        "wechat",
                        couponId));
    }

    private static OrderPlaced.Line line(String sku, int quantity) {
        return new OrderPlaced.Line(sku, sku, "dairy", quantity, new BigDecimal("12.00"));
    }

    private EventEnvelope<ReturnRequested> returned(String orderId, String sku, int quantity) {
        return EventEnvelope.of(
                "gateway-service", user, Instant.now(), new ReturnRequested(orderId, sku, quantity, "not fresh"));
    }

    private String statusOf(String coupon) {
        return jdbc.sql("select status from coupon where id = :id")
                .param("id", UUID.fromString(coupon))
                .query(String.class)
                .single();
    }

    private Instant redeemedAt(String coupon) {
        return jdbc.sql("select redeemed_at from coupon where id = :id")
                .param("id", UUID.fromString(coupon))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant();
    }

    private int redemptionsOf(String coupon) {
        return jdbc.sql("select count(*) from coupon_redemption where coupon_id = :id")
                .param("id", UUID.fromString(coupon))
                .query(Integer.class)
                .single();
    }

    private int returnedUnits(String coupon, String sku) {
        return jdbc.sql("select coalesce(sum(returned), 0) from redemption_line where coupon_id = :id and sku = :sku")
                .param("id", UUID.fromString(coupon))
                .param("sku", sku)
                .query(Integer.class)
                .single();
    }
}
