package com.freshloop.membership.checkin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CheckinDone;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ShareClicked;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Daily check-in and the vegetable garden, through HTTP and Kafka. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class GamesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String user;
    String shopper;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID();
        shopper = TestTokens.shopper(user);
        operator = TestTokens.operator("ops-games");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aShopperChecksInOncePerDayAndIsPaidOnce() {
        var first = api.post("/api/v1/membership/me/check-ins", shopper, "{\"timeZone\": \"Europe/Berlin\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("streak").asInt()).isEqualTo(1);
        assertThat(first.json().get("points").asLong()).isEqualTo(5);
        assertThat(first.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");

        var again = api.post("/api/v1/membership/me/check-ins", shopper, "{\"timeZone\": \"Europe/Berlin\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("counted").asBoolean()).isFalse();
        assertThat(again.json().get("points").asLong()).isZero();

        var status = api.get("/api/v1/membership/me/check-ins?timeZone=Europe/Berlin", shopper);
        assertThat(status.json().get("streak").asInt()).isEqualTo(1);
        assertThat(status.json().get("checkedInToday").asBoolean()).isTrue();
        var me = api.get("/api/v1/membership/me", shopper).json();
        assertThat(me.get("points").asLong()).isEqualTo(5);
        assertThat(me.get("growth").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void tenParallelCheckInsOnOneDayCountOnce() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/membership/me/check-ins", shopper, "{}")
                            .status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(9);
        } finally {
            pool.shutdownNow();
        }
        assertThat(reasons()).containsExactly("checkin");
    }

    @Test
    void sevenCheckInEventsOnConsecutiveLocalDaysPayTheStreakRewardAndARedeliveryChangesNothing() {
        // 02:00Z is 10:00 in Shanghai: seven consecutive local days
        EventEnvelope<CheckinDone> day1 = null;
        for (int day = 0; day < 7; day++) {
            var event = EventEnvelope.of(
                    "gateway-service",
                    user,
                    Instant.parse("2026-03-01T02:00:00Z").plusSeconds(86_400L * day),
                    new CheckinDone("Asia/Shanghai"));
            day1 = day1 == null ? event : day1;
            kafka.publish(event);
        }
        kafka.publish(day1);

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(reasons())
                        .containsExactly(
                                "checkin",
                                "checkin",
                                "checkin",
                                "checkin",
                                "checkin",
                                "checkin",
                                "checkin",
                                "checkin_streak"));
        assertThat(jdbc.sql("select max(streak) from checkin where user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(7);
        assertThat(api.get("/api/v1/membership/me", shopper)
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(7 * 5 + 50);
    }

    @Test
    void anUnknownTimeZoneIsABadRequest() {
        var response = api.post("/api/v1/membership/me/check-ins", shopper, "{\"timeZone\": \"Mars/Olympus\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field")).contains("timeZone");
        assertThat(api.post("/api/v1/membership/me/check-ins", null, "{}").status())
                .isEqualTo(401);
    }

    @Test
    void aCropGrowsFromCappedActionsAndIsHarvestedOnceForPoints() {
        var planted = api.post("/api/v1/membership/me/garden", shopper, "{\"crop\": \"bok_choy\"}");
        assertThat(planted.status()).as(planted.body()).isEqualTo(201);
        assertThat(planted.json().get("stage").asString()).isEqualTo("seed");
        assertThat(api.post("/api/v1/membership/me/garden", shopper, "{\"crop\": \"tomato\"}")
                        .status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/membership/me/garden/harvest", shopper, "").status())
                .isEqualTo(409);

        // check-in: 10 water, once a day
        api.post("/api/v1/membership/me/check-ins", shopper, "{}");
        api.post("/api/v1/membership/me/check-ins", shopper, "{}");
        // orders: 20 water each, capped at 2 a day; shares opened by others: 5 each, capped at 3; own clicks: none
        for (int i = 0; i < 3; i++) {
            kafka.publish(order());
        }
        kafka.publish(
                EventEnvelope.of("gateway-service", user, Instant.now(), new ShareClicked("c-self", user, "wechat")));
        for (int i = 0; i < 4; i++) {
            kafka.publish(EventEnvelope.of(
                    "gateway-service", "friend-" + i, Instant.now(), new ShareClicked("c-" + i, user, "wechat")));
        }
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(crop().get("water").asInt()).isEqualTo(10 + 40 + 15));
        assertThat(crop().get("stage").asString()).isEqualTo("growing");

        var lowered = api.put("/admin/v1/membership/reward-rules/garden-ripe-water", operator, "{\"value\": 60}");
        try {
            assertThat(lowered.status()).isEqualTo(200);
            assertThat(crop().get("stage").asString()).isEqualTo("ripe");
            long before = points();
            var harvested = api.post("/api/v1/membership/me/garden/harvest", shopper, "");
            assertThat(harvested.status()).as(harvested.body()).isEqualTo(200);
            assertThat(harvested.json().get("reward").asString()).isEqualTo("points");
            assertThat(points()).isEqualTo(before + 100);
            assertThat(api.post("/api/v1/membership/me/garden/harvest", shopper, "")
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/membership/me/garden", shopper).status())
                    .isEqualTo(404);
        } finally {
            api.put("/admin/v1/membership/reward-rules/garden-ripe-water", operator, "{\"value\": 100}");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'reward-rule.set'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void gardenInputIsValidated() {
        var unknown = api.post("/api/v1/membership/me/garden", shopper, "{\"crop\": \"durian\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").findValuesAsString("field")).contains("crop");
        var missing = api.post("/api/v1/membership/me/garden", shopper, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").findValuesAsString("field")).contains("crop");
        assertThat(api.put("/admin/v1/membership/reward-rules/garden-ripe-water", shopper, "{\"value\": 1}")
                        .status())
                .isEqualTo(403);
        assertThat(api.put("/admin/v1/membership/reward-rules/no-such-rule", operator, "{\"value\": 1}")
                        .status())
                .isEqualTo(404);
        var negative = api.put("/admin/v1/membership/reward-rules/garden-ripe-water", operator, "{\"value\": -1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().path("errors").findValuesAsString("field")).contains("value");
    }

    private tools.jackson.databind.JsonNode crop() {
        var response = api.get("/api/v1/membership/me/garden", shopper);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long points() {
        return api.get("/api/v1/membership/me", shopper).json().get("points").asLong();
    }

    private List<String> reasons() {
        return jdbc.sql("select reason from points_ledger where user_id = :u order by reason, id")
                .param("u", user)
                .query(String.class)
                .list();
    }

    private EventEnvelope<OrderPlaced> order() {
        BigDecimal amount = new BigDecimal("12.00");
        return EventEnvelope.of(
                "gateway-service",
                user,
                Instant.now(),
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        "sh-pudong",
                        List.of(new OrderPlaced.Line("bok-choy", "bok choy", "vegetables", 1, amount)),
                        amount,
                        BigDecimal.ZERO,
                        amount,
                        "wechat",
                        null));
    }
}
