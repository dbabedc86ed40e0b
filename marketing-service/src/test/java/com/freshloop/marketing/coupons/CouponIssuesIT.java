package com.freshloop.marketing.coupons;

import static com.freshloop.marketing.coupons.TemplateRequests.createTemplate;
import static com.freshloop.marketing.coupons.TemplateRequests.issue;
import static com.freshloop.marketing.coupons.TemplateRequests.issuesOf;
import static com.freshloop.marketing.coupons.TemplateRequests.spendSave;
import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.Topics;
import com.freshloop.events.marketing.v1.CouponIssued;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MarketingIntegrationTest
class CouponIssuesIT {

    static final String MY_COUPONS = "/api/v1/marketing/me/coupons";

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
    void issuedCouponIsPublishedAndShowsInTheShoppersOwnList() {
        UUID template = createTemplate(api, spendSave(100, 1));
        var issued = api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String couponId = issued.json().get("id").asString();
        assertThat(issued.json().get("userId").asString()).isEqualTo(user);
        assertThat(issued.json().get("status").asString()).isEqualTo("available");

        var events = kafka.await(
                Topics.MARKETING,
                e -> e.data() instanceof CouponIssued c && c.couponId().equals(couponId),
                1,
                Duration.ofSeconds(30));
        var event = events.get(0);
        assertThat(event.type()).isEqualTo("coupon.issued");
        assertThat(event.subject()).isEqualTo(user);
        assertThat(event.source()).isEqualTo("marketing-service");
        CouponIssued data = (CouponIssued) event.data();
        assertThat(data.templateId()).isEqualTo(template.toString());
        assertThat(data.kind()).isEqualTo("spend_save");
        assertThat(data.faceValue()).isEqualByComparingTo("20");
        assertThat(data.expiresAt()).isAfter(Instant.now().plus(Duration.ofDays(13)));

        var mine = api.get(MY_COUPONS, TestTokens.shopper(user));
        assertThat(mine.status()).isEqualTo(200);
        JsonNode coupons = mine.json().get("coupons");
        assertThat(coupons).hasSize(1);
        assertThat(coupons.get(0).get("couponId").asString()).isEqualTo(couponId);
        assertThat(coupons.get(0).get("status").asString()).isEqualTo("available");
        assertThat(coupons.get(0).get("kind").asString()).isEqualTo("spend_save");
        assertThat(Instant.parse(coupons.get(0).get("expiresAt").asString())).isEqualTo(data.expiresAt());
        assertThat(api.get(MY_COUPONS, TestTokens.shopper("someone-else"))
                        .json()
                        .get("coupons"))
                .isEmpty();

        assertThat(jdbc.sql("select actor || ' ' || action from audit_log where target = :target")
                        .param("target", "coupon:" + couponId)
                        .query(String.class)
                        .single())
                .isEqualTo("ops coupon.issue");
    }

    @Test
    void expiredCouponsShowAsExpired() {
        UUID template = createTemplate(api, spendSave(10, 1));
        String couponId = api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()))
                .json()
                .get("id")
                .asString();
        jdbc.sql("update coupon set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(couponId))
                .update();

        var coupons = api.get(MY_COUPONS, TestTokens.shopper(user)).json().get("coupons");
        assertThat(coupons.get(0).get("status").asString()).isEqualTo("expired");
    }

    @Test
    void repeatedRequestReturnsTheSameCouponAndIssuesOnce() {
        UUID template = createTemplate(api, spendSave(10, 5));
        String requestId = "r-" + UUID.randomUUID();
        var first = api.post(issuesOf(template), ops, issue(user, requestId));
        var again = api.post(issuesOf(template), ops, issue(user, requestId));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(issuedOf(template)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from coupon where template_id = :t")
                        .param("t", template)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql(
                                "select count(*) from audit_log where action = 'coupon.issue' and detail->>'requestId' = :r")
                        .param("r", requestId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void requestIdUsedForAnotherUserIsAConflict() {
        UUID template = createTemplate(api, spendSave(10, 1));
        String requestId = "r-" + UUID.randomUUID();
        assertThat(api.post(issuesOf(template), ops, issue(user, requestId)).status())
                .isEqualTo(201);
        var reused = api.post(issuesOf(template), ops, issue("another-" + user, requestId));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.isProblem()).isTrue();
    }

    @Test
    void perUserLimitAndExhaustedStockAreConflicts() {
        UUID template = createTemplate(api, spendSave(3, 2));
        assertThat(api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(201);
        assertThat(api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(201);
        var overLimit = api.post(issuesOf(template), ops, issue(user, "r-" + UUID.randomUUID()));
        assertThat(overLimit.status()).isEqualTo(409);
        assertThat(overLimit.json().get("detail").asString()).contains("limit");

        assertThat(api.post(issuesOf(template), ops, issue("b-" + user, "r-" + UUID.randomUUID()))
                        .status())
                .isEqualTo(201);
        var exhausted = api.post(issuesOf(template), ops, issue("c-" + user, "r-" + UUID.randomUUID()));
        assertThat(exhausted.status()).isEqualTo(409);
        assertThat(exhausted.isProblem()).isTrue();
        assertThat(exhausted.json().get("detail").asString()).contains("out of stock");
        assertThat(issuedOf(template)).isEqualTo(3);
        assertThat(api.get(MY_COUPONS, TestTokens.shopper("c-" + user)).json().get("coupons"))
                .isEmpty();
    }

    @Test
    void issuingFromAnUnknownTemplateIsNotFound() {
        var response = api.post(issuesOf(UUID.randomUUID()), ops, issue(user, "r-" + UUID.randomUUID()));
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void badIssueInputIsAProblemNamingTheField() {
        UUID template = createTemplate(api, spendSave(10, 1));
        var noUser = api.post(issuesOf(template), ops, "{\"requestId\": \"r-1\"}");
        assertThat(noUser.status()).isEqualTo(400);
        assertThat(noUser.json().get("errors").get(0).get("field").asString()).isEqualTo("userId");
        var badRequestId = api.post(issuesOf(template), ops, issue(user, "has spaces"));
        assertThat(badRequestId.status()).isEqualTo(400);
        assertThat(badRequestId.json().get("errors").get(0).get("field").asString())
                .isEqualTo("requestId");
        assertThat(issuedOf(template)).isZero();
    }

    @Test
    void issuingNeedsTheOperatorRoleAndMyCouponsNeedAToken() {
        UUID template = createTemplate(api, spendSave(10, 1));
        String body = issue(user, "r-" + UUID.randomUUID());
        assertThat(api.post(issuesOf(template), null, body).status()).isEqualTo(401);
        var forbidden = api.post(issuesOf(template), TestTokens.shopper(user), body);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get(MY_COUPONS, null).status()).isEqualTo(401);
        assertThat(api.get(MY_COUPONS, TestTokens.expired(user)).status()).isEqualTo(401);
        assertThat(issuedOf(template)).isZero();
    }

    private int issuedOf(UUID template) {
        return jdbc.sql("select issued from coupon_template where id = :id")
                .param("id", template)
                .query(Integer.class)
                .single();
    }
}
