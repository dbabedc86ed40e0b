package com.freshloop.marketing.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class ReferralsIT {

    static final String CODE = "/api/v1/marketing/me/referral-code";
    static final String REFERRALS = "/api/v1/marketing/me/referrals";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String run;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aNewUsersFirstOrderCreditsTheReferrerOnce() {
        String referrer = "ref-" + run;
        String invitee = "new-" + run;
        var code = api.post(CODE, TestTokens.shopper(referrer), "");
        assertThat(code.status()).as(code.body()).isEqualTo(200);
        String value = code.json().get("code").asString();
        assertThat(value).matches("[A-Z2-9]{8}");
        assertThat(api.post(CODE, TestTokens.shopper(referrer), "")
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo(value);

        var bound = api.post(REFERRALS, TestTokens.shopper(invitee), bind(value.toLowerCase()));
        assertThat(bound.status()).as(bound.body()).isEqualTo(201);
        assertThat(bound.json().get("status").asString()).isEqualTo("pending");
        assertThat(api.post(REFERRALS, TestTokens.shopper(invitee), bind(value)).status())
                .isEqualTo(200);

        order(invitee, "o1-" + run);
        var second = order(invitee, "o2-" + run);
        await().atMost(Duration.ofSeconds(30)).until(() -> pointsOf(referrer) == 100);

        var mine = api.get(REFERRALS, TestTokens.shopper(referrer));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("code").asString()).isEqualTo(value);
        assertThat(mine.json().get("pointsEarned").asLong()).isEqualTo(100);
        assertThat(mine.json().get("referrals")).hasSize(1);
        assertThat(mine.json().get("referrals").get(0).get("status").asString()).isEqualTo("credited");
        assertThat(mine.json().get("referrals").get(0).get("invitee").asString())
                .startsWith("ne")
                .doesNotContain(run);
        // the second order credited nothing more
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> pointsOf(referrer) == 100);
        assertThat(jdbc.sql("select order_id from referral where invitee_id = :i")
                        .param("i", invitee)
                        .query(String.class)
                        .single())
                .isEqualTo("o1-" + run);

        // the credit is published for membership (which owns the points), keyed by the referrer, exactly once
        var rewarded = kafka.await(
                Topics.MARKETING,
                e -> referrer.equals(e.subject()) && e.data() instanceof ReferralRewarded,
                1,
                Duration.ofSeconds(30));
        assertThat(rewarded.get(0).source()).isEqualTo("marketing-service");
        assertThat(rewarded.get(0).data()).isEqualTo(new ReferralRewarded(invitee, 100, value));
        // both orders were consumed (same key, same partition, in order), and only the first published
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                                select count(*) from processed_event
                                 where consumer = 'marketing-service.referrals' and event_id = :id
                                """)
                                .param("id", second.id())
                                .query(Integer.class)
                                .single()
                        == 1);
        assertThat(jdbc.sql("""
                                select count(*) from event_publication
                                 where serialized_event::jsonb ->> 'type' = 'referral.rewarded'
                                   and serialized_event::jsonb ->> 'subject' = :r
                                """).param("r", referrer).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void selfReferralsAreRejected() {
        String referrer = "ref-" + run;
        String value = postFromDevice(CODE, TestTokens.shopper(referrer), "", "device-" + run)
                .json()
                .get("code")
                .asString();

        var own = api.post(REFERRALS, TestTokens.shopper(referrer), bind(value));
        assertThat(own.status()).isEqualTo(422);
        assertThat(own.isProblem()).isTrue();
        assertThat(own.json().get("detail").asString()).contains("your own referral code");

        var sameDevice = postFromDevice(REFERRALS, TestTokens.shopper("alt-" + run), bind(value), "device-" + run);
        assertThat(sameDevice.status()).isEqualTo(422);
        assertThat(sameDevice.json().get("detail").asString()).contains("device");

        var otherDevice = postFromDevice(REFERRALS, TestTokens.shopper("friend-" + run), bind(value), "phone-" + run);
        assertThat(otherDevice.status()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from referral where referrer_id = :r")
                        .param("r", referrer)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aUserIsReferredOnceAndOnlyWhileNew() {
        String a = api.post(CODE, TestTokens.shopper("ra-" + run), "")
                .json()
                .get("code")
                .asString();
        String b = api.post(CODE, TestTokens.shopper("rb-" + run), "")
                .json()
                .get("code")
                .asString();
        String invitee = "new-" + run;
        assertThat(api.post(REFERRALS, TestTokens.shopper(invitee), bind(a)).status())
                .isEqualTo(201);
        var another = api.post(REFERRALS, TestTokens.shopper(invitee), bind(b));
        assertThat(another.status()).isEqualTo(409);
        assertThat(another.isProblem()).isTrue();

        String old = "old-" + run;
        order(old, "o-" + run);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from shopper_sku where user_id = :u")
                                .param("u", old)
                                .query(Integer.class)
                                .single()
                        > 0);
        var notNew = api.post(REFERRALS, TestTokens.shopper(old), bind(a));
        assertThat(notNew.status()).isEqualTo(422);
        assertThat(notNew.json().get("detail").asString()).contains("new users");
    }

    @Test
    void badReferralInputIsAProblem() {
        String user = "u-" + run;
        assertThat(api.post(REFERRALS, TestTokens.shopper(user), bind("ZZZZ2222"))
                        .status())
                .isEqualTo(404);
        var malformed = api.post(REFERRALS, TestTokens.shopper(user), bind("no spaces!"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("errors").get(0).get("field").asString())
                .isEqualTo("code");
        assertThat(api.post(REFERRALS, TestTokens.shopper(user), "{}").status()).isEqualTo(400);
        var badDevice = postFromDevice(CODE, TestTokens.shopper(user), "", "has spaces");
        assertThat(badDevice.status()).isEqualTo(400);
        assertThat(badDevice.isProblem()).isTrue();
        assertThat(api.post(CODE, null, "").status()).isEqualTo(401);
        var none = api.get(REFERRALS, TestTokens.shopper(user));
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.json().get("code").isNull()).isTrue();
        assertThat(none.json().get("pointsEarned").asLong()).isZero();
    }

    /** A POST carrying the X-Device-Id header (ApiClient sends extra headers on GETs only). */
    private ApiClient.Response postFromDevice(String path, String token, String json, String device) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Device-Id", device)
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String bind(String code) {
        return "{\"code\": \"" + code + "\"}";
    }

    private EventEnvelope<OrderPlaced> order(String user, String orderId) {
        var order = EventEnvelope.of(
                "behaviour",
                user,
                Instant.now(),
                new OrderPlaced(
                        orderId,
                        "sh-pudong",
                        List.of(new OrderPlaced.Line("sku-" + run, "garlic", "vegetables", 1, new BigDecimal("5.00"))),
                        new BigDecimal("5.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("5.00"),
                        "wechat",
                        null));
        kafka.publish(order);
        return order;
    }

    private long pointsOf(String referrer) {
        return jdbc.sql("select coalesce(sum(points), 0) from referral where referrer_id = :r")
                .param("r", referrer)
                .query(Long.class)
                .single();
    }
}
