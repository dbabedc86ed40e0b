package com.freshloop.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.marketing.v1.ReferralRewarded;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.membership.v1.PointsDebited;
import com.freshloop.events.membership.v1.TierChanged;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class MembershipIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Memberships memberships;

    ApiClient api;
    KafkaTestClient kafka;
    String user;
    String shopper;
    String operatorName;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID();
        shopper = TestTokens.shopper(user);
        operatorName = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        operator = TestTokens.operator(operatorName);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void ordersAddGrowthAndPointsAndCrossingTheThresholdMakesAMemberBlackGold() {
        kafka.publish(order(user, "620.80"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(me().get("points").asLong()).isEqualTo(620));
        assertThat(me().get("tier").asString()).isEqualTo("green");

        kafka.publish(order(user, "400.00"));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(me().get("points").asLong()).isEqualTo(1020));
        var me = me();
        assertThat(me.get("userId").asString()).isEqualTo(user);
        assertThat(me.get("tier").asString()).isEqualTo("black_gold");
        assertThat(me.get("growth").decimalValue()).isEqualByComparingTo("1020.80");

        var credits = kafka.await(Topics.MEMBERSHIP, about(user, PointsCredited.class), 2, TIMEOUT).stream()
                .map(EventEnvelope::data)
                .toList();
        assertThat(credits)
                .containsExactlyInAnyOrder(
                        new PointsCredited(620, "order", 620), new PointsCredited(400, "order", 1020));
        var tierChange = kafka.await(Topics.MEMBERSHIP, about(user, TierChanged.class), 1, TIMEOUT)
                .get(0);
        assertThat(tierChange.source()).isEqualTo("membership-service");
        assertThat(tierChange.data()).isEqualTo(new TierChanged("green", "black_gold"));
    }

    @Test
    void aRedeliveredOrderIsCreditedOnceAndOtherBehaviourIsIgnored() {
        EventEnvelope<OrderPlaced> order = order(user, "99.90");
        kafka.publish(order);
        kafka.publish(order);
        kafka.publish(EventEnvelope.of("gateway-service", user, Instant.now(), new PageViewed("home", null, null)));
        // same key, same partition: once the marker is applied, every earlier record has been consumed
        kafka.publish(order(user, "1.00"));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(me().get("points").asLong()).isEqualTo(100));
        assertThat(me().get("growth").decimalValue()).isEqualByComparingTo("100.90");
        assertThat(ledgerRows(user)).isEqualTo(2);
    }

    @Test
    void aReferralRewardDeliveredTwiceCreditsTheReferrerOnce() {
        var reward = EventEnvelope.of(
                "marketing-service", user, Instant.now(), new ReferralRewarded("new-" + user, 100, "7KQ2M9XA"));
        kafka.publish(reward);
        kafka.publish(reward);
        // a marker on the same topic and key: once its point is there, both copies of the reward were consumed
        kafka.publish(EventEnvelope.of(
                "marketing-service", user, Instant.now(), new ReferralRewarded("next-" + user, 1, "7KQ2M9XA")));

        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(me().get("points").asLong()).isEqualTo(101));
        var points = api.get("/api/v1/membership/me/points", shopper);
        assertThat(points.status()).isEqualTo(200);
        assertThat(points.json()).hasSize(2);
        assertThat(points.json().findValuesAsString("reason")).containsExactly("referral", "referral");
        assertThat(points.json().get(1).get("delta").asLong()).isEqualTo(100);
        assertThat(points.json().get(1).get("balanceAfter").asLong()).isEqualTo(100);
        assertThat(points.json().get(0).get("delta").asLong()).isEqualTo(1);
        // applied once more in-process, the same event id still credits nothing
        memberships.apply(untyped(reward));
        assertThat(me().get("points").asLong()).isEqualTo(101);
        assertThat(ledgerRows(user)).isEqualTo(2);

        var credits = kafka.await(Topics.MEMBERSHIP, about(user, PointsCredited.class), 2, TIMEOUT).stream()
                .map(EventEnvelope::data)
                .toList();
        assertThat(credits)
                .containsExactlyInAnyOrder(
                        new PointsCredited(100, "referral", 100), new PointsCredited(1, "referral", 101));
    }

    @Test
    void anInvalidOrUnreadableReferralRewardGoesToTheDeadLetterTopic() {
        var invalid = EventEnvelope.of(
                "marketing-service", user, Instant.now(), new ReferralRewarded("new-" + user, -100, "7KQ2M9XA"));
        kafka.publish(invalid);
        kafka.publishRaw(Topics.MARKETING, user, "{\"not\":\"a reward for " + user + "\"}");

        // both are parked on the dead-letter topic and the consumer moves on: a valid reward after them is credited
        assertThat(kafka.awaitRaw(
                        Topics.deadLetter(Topics.MARKETING), invalid.id().toString(), TIMEOUT))
                .allSatisfy(parked -> assertThat(parked).contains("\"points\":-100"));
        kafka.awaitRaw(Topics.deadLetter(Topics.MARKETING), "a reward for " + user, TIMEOUT);
        kafka.publish(EventEnvelope.of(
                "marketing-service", user, Instant.now(), new ReferralRewarded("new-" + user, 100, "7KQ2M9XA")));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(me().get("points").asLong()).isEqualTo(100));
        assertThat(ledgerRows(user)).isEqualTo(1);
    }

    @Test
    void theSameOrderDeliveredTenTimesInParallelIsCreditedOnce() throws Exception {
        EventEnvelope<EventData> order = untyped(order(user, "250.00"));

        List<Void> done = inParallel(10, () -> {
            memberships.apply(order);
            return null;
        });

        assertThat(done).hasSize(10);
        var me = me();
        assertThat(me.get("points").asLong()).isEqualTo(250);
        assertThat(me.get("growth").decimalValue()).isEqualByComparingTo("250");
        assertThat(ledgerRows(user)).isEqualTo(1);
    }

    @Test
    void twentyParallelSpendsOfTenFromAHundredLeaveExactlyZero() throws Exception {
        assertThat(credit(user, 100, "r-seed").status()).isEqualTo(201);

        List<Integer> statuses = inParallel(
                20,
                () -> api.post(
                                "/api/v1/membership/me/points/spend",
                                shopper,
                                "{\"points\": 10, \"requestId\": \"" + UUID.randomUUID() + "\"}")
                        .status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(10);
        assertThat(me().get("points").asLong()).isZero();
        assertThat(jdbc.sql("select min(balance_after) from points_ledger where user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select sum(delta) from points_ledger where user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSpendBeyondTheBalanceIsAConflictAndARepeatedSpendIsNotChargedTwice() {
        credit(user, 30, "r-1");
        var refused = spend(40, "s-1");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asString()).contains("balance is 30");

        var spent = spend(25, "s-2");
        assertThat(spent.status()).isEqualTo(201);
        assertThat(spent.json().get("delta").asLong()).isEqualTo(-25);
        assertThat(spent.json().get("balanceAfter").asLong()).isEqualTo(5);
        var repeated = spend(25, "s-2");
        assertThat(repeated.status()).isEqualTo(200);
        assertThat(repeated.json().get("id").asLong())
                .isEqualTo(spent.json().get("id").asLong());
        assertThat(me().get("points").asLong()).isEqualTo(5);

        var debited = kafka.await(Topics.MEMBERSHIP, about(user, PointsDebited.class), 1, TIMEOUT)
                .get(0);
        assertThat(debited.data()).isEqualTo(new PointsDebited(25, "redeem", 5));
    }

    @Test
    void anOperatorGrantIsIdempotentByRequestIdAuditedAndPublished() {
        var first = credit(user, 500, "r-42");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("balanceAfter").asLong()).isEqualTo(500);
        var again = credit(user, 500, "r-42");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asLong())
                .isEqualTo(first.json().get("id").asLong());
        assertThat(credit(user, 600, "r-42").status()).isEqualTo(409);

        assertThat(api.get("/admin/v1/membership/users/" + user, operator)
                        .json()
                        .get("points")
                        .asLong())
                .isEqualTo(500);
        assertThat(jdbc.sql("select actor, action, detail ->> 'points' from audit_log where target = :t")
                        .param("t", "user:" + user)
                        .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                        .list())
                .containsExactly(List.of(operatorName, "points.credit", "500"));
        var credited = kafka.await(Topics.MEMBERSHIP, about(user, PointsCredited.class), 1, TIMEOUT)
                .get(0);
        assertThat(credited.data()).isEqualTo(new PointsCredited(500, "late delivery", 500));
        await().atMost(TIMEOUT)
                .until(() -> jdbc.sql("select count(*) from event_publication where completion_date is null")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    @Test
    void aNewShopperIsAGreenMemberWithNothingYet() {
        var me = api.get("/api/v1/membership/me", shopper);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("userId").asString()).isEqualTo(user);
        assertThat(me.json().get("tier").asString()).isEqualTo("green");
        assertThat(me.json().get("points").asLong()).isZero();
        assertThat(me.json().get("growth").decimalValue()).isEqualByComparingTo("0");
        assertThat(api.get("/api/v1/membership/me/points", shopper).json()).isEmpty();
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        assertBadRequest(credit(user, 0, "r-1"), "points");
        assertBadRequest(credit(user, 100_001, "r-1"), "points");
        assertBadRequest(
                api.post("/admin/v1/membership/users/" + user + "/points", operator, "{\"points\": 5}"), "reason");
        assertBadRequest(
                api.post(
                        "/admin/v1/membership/users/" + user + "/points",
                        operator,
                        "{\"points\": 5, \"reason\": \"x\"}"),
                "requestId");
        assertBadRequest(
                api.post(
                        "/admin/v1/membership/users/bad%20user!/points",
                        operator, "{\"points\": 5, \"reason\": \"x\", \"requestId\": \"r\"}"),
                "userId");
        assertBadRequest(spend(-5, "s-1"), "points");
        assertBadRequest(spend(5, "not a valid id"), "requestId");
        assertBadRequest(api.get("/api/v1/membership/me/points?limit=0", shopper), "limit");
        var unreadable = api.post("/api/v1/membership/me/points/spend", shopper, "{\"points\": \"lots\"");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.isProblem()).isTrue();
    }

    @Test
    void membershipNeedsATokenAndGrantsNeedTheOperatorRole() {
        assertThat(api.get("/api/v1/membership/me", null).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/membership/me/points/spend", null, "{\"points\": 1, \"requestId\": \"r\"}")
                        .status())
                .isEqualTo(401);
        var forbidden = api.post(
                "/admin/v1/membership/users/" + user + "/points",
                shopper,
                "{\"points\": 5, \"reason\": \"x\", \"requestId\": \"r\"}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/membership/users/" + user, shopper).status())
                .isEqualTo(403);
        assertThat(me().get("points").asLong()).isZero();
    }

    private void assertBadRequest(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .as(response.body())
                .contains(field);
    }

    private tools.jackson.databind.JsonNode me() {
        var response = api.get("/api/v1/membership/me", shopper);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response credit(String user, long points, String requestId) {
        return api.post(
                "/admin/v1/membership/users/" + user + "/points",
                operator,
                "{\"points\": " + points + ", \"reason\": \"late delivery\", \"requestId\": \"" + requestId + "\"}");
    }

    private ApiClient.Response spend(long points, String requestId) {
        return api.post(
                "/api/v1/membership/me/points/spend",
                shopper,
                "{\"points\": " + points + ", \"requestId\": \"" + requestId + "\"}");
    }

    private long ledgerRows(String user) {
        return jdbc.sql("select count(*) from points_ledger where user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    /** Runs the task on n threads released at the same moment; returns each result, rethrowing failures. */
    private static <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventEnvelope<EventData> untyped(EventEnvelope<?> event) {
        return (EventEnvelope) event;
    }

    private static Predicate<EventEnvelope<EventData>> about(String user, Class<? extends EventData> type) {
        return event -> user.equals(event.subject()) && event.holds(type);
    }

    private static EventEnvelope<OrderPlaced> order(String user, String total) {
        BigDecimal amount = new BigDecimal(total);
        return EventEnvelope.of(
                "gateway-service",
                user,
                Instant.now(),
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        "sh-pudong",
                        List.of(new OrderPlaced.Line("milk-1l", "whole milk 1L", "dairy", 1, amount)),
                        amount,
                        BigDecimal.ZERO,
                        amount,
                        "alipay",
                        null));
    }
}
