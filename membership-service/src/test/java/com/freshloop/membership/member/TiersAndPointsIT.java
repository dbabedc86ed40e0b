package com.freshloop.membership.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import com.freshloop.events.membership.v1.PointsCredited;
import com.freshloop.events.membership.v1.PointsDebited;
import com.freshloop.events.membership.v1.TierChanged;
import com.freshloop.events.supply.v1.DeliveryLate;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
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

/** Benefits, paid membership, downgrade grace, points expiry, late-delivery compensation and reviews. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class TiersAndPointsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

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
    void benefitsFollowTheTierAndServicesCanAskForAnyUsers() {
        var green = api.get("/api/v1/membership/me/benefits", shopper);
        assertThat(green.status()).isEqualTo(200);
        assertThat(green.json().get("tier").asString()).isEqualTo("green");
        assertThat(green.json().get("freeDelivery").asBoolean()).isFalse();
        assertThat(green.json().get("memberPrices").asBoolean()).isTrue();

        memberships.apply(order(user, "1200.00", Instant.now()));

        var blackGold = api.get("/admin/v1/membership/users/" + user + "/benefits", operator);
        assertThat(blackGold.json().get("tier").asString()).isEqualTo("black_gold");
        assertThat(blackGold.json().get("freeDelivery").asBoolean()).isTrue();
        assertThat(blackGold.json().get("birthdayGift").asBoolean()).isTrue();
        assertThat(blackGold.json().get("exclusiveCoupons").asBoolean()).isTrue();
        assertThat(api.get("/admin/v1/membership/users/" + user + "/benefits", shopper)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/membership/me/benefits", null).status()).isEqualTo(401);
    }

    @Test
    void aPaidMembershipGivesThePaidTierIsIdempotentAuditedAndEndsWhenItExpires() {
        var granted = api.post(
                "/admin/v1/membership/users/" + user + "/paid-membership",
                operator,
                "{\"months\": 3, \"requestId\": \"g-1\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        Instant until = Instant.parse(granted.json().get("paidUntil").asString());
        assertThat(until)
                .isBetween(
                        Instant.now().plus(88, ChronoUnit.DAYS), Instant.now().plus(93, ChronoUnit.DAYS));
        var again = api.post(
                "/admin/v1/membership/users/" + user + "/paid-membership",
                operator,
                "{\"months\": 3, \"requestId\": \"g-1\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(Instant.parse(again.json().get("paidUntil").asString())).isEqualTo(until);

        var bought =
                api.post("/api/v1/membership/me/paid-membership", shopper, "{\"months\": 1, \"paymentId\": \"pay-9\"}");
        assertThat(bought.status()).isEqualTo(201);
        assertThat(Instant.parse(bought.json().get("paidUntil").asString())).isAfter(until);

        var benefits = api.get("/api/v1/membership/me/benefits", shopper).json();
        assertThat(benefits.get("tier").asString()).isEqualTo("black_gold");
        assertThat(benefits.get("paid").asBoolean()).isTrue();
        assertThat(benefits.get("freeDelivery").asBoolean()).isTrue();
        assertThat(jdbc.sql("select actor from audit_log where action = 'paid-membership.grant' and target = :t")
                        .param("t", "user:" + user)
                        .query(String.class)
                        .list())
                .containsExactly(operatorName);

        jdbc.sql("update member set paid_until = now() - interval '1 day' where user_id = :u")
                .param("u", user)
                .update();
        memberships.recalculateTier(user);

        var after = memberships.member(user);
        assertThat(after.tier()).isEqualTo("green");
        assertThat(after.paidUntil()).isNull();
        assertThat(kafka.await(Topics.MEMBERSHIP, about(user, TierChanged.class), 2, TIMEOUT).stream()
                        .map(EventEnvelope::data)
                        .toList())
                .containsExactly(new TierChanged("green", "black_gold"), new TierChanged("black_gold", "green"));
        assertBadRequest(
                api.post("/api/v1/membership/me/paid-membership", shopper, "{\"months\": 13, \"paymentId\": \"p\"}"),
                "months");
    }

    @Test
    void aTierWhoseGrowthFellBelowItsThresholdIsKeptUntilTheEndOfNextMonthThenLowered() {
        // lifetime growth 1500, but earned 13 months ago: outside the 12-month window
        memberships.apply(order(user, "1500.00", Instant.now().minus(400, ChronoUnit.DAYS)));
        jdbc.sql("update member set tier = 'black_gold' where user_id = :u")
                .param("u", user)
                .update();

        memberships.recalculateTier(user);
        memberships.recalculateTier(user);

        var kept = memberships.member(user);
        assertThat(kept.tier()).isEqualTo("black_gold");
        Instant endOfNextMonth = ZonedDateTime.now(SHANGHAI)
                .toLocalDate()
                .withDayOfMonth(1)
                .plusMonths(2)
                .atStartOfDay(SHANGHAI)
                .toInstant();
        assertThat(kept.tierGraceUntil()).isEqualTo(endOfNextMonth);
        assertThat(api.get("/api/v1/membership/me/benefits", shopper)
                        .json()
                        .get("tierGraceUntil")
                        .asString())
                .isEqualTo(endOfNextMonth.toString());

        jdbc.sql("update member set tier_grace_until = now() - interval '1 minute' where user_id = :u")
                .param("u", user)
                .update();
        memberships.recalculateTier(user);

        var lowered = memberships.member(user);
        assertThat(lowered.tier()).isEqualTo("green");
        assertThat(lowered.tierGraceUntil()).isNull();
        assertThat(kafka.await(Topics.MEMBERSHIP, about(user, TierChanged.class), 1, TIMEOUT)
                        .get(0)
                        .data())
                .isEqualTo(new TierChanged("black_gold", "green"));
    }

    @Test
    void growingBackAboveTheThresholdDuringTheGracePeriodCancelsTheDowngrade() {
        memberships.apply(order(user, "1500.00", Instant.now().minus(400, ChronoUnit.DAYS)));
        jdbc.sql("update member set tier = 'black_gold' where user_id = :u")
                .param("u", user)
                .update();
        memberships.recalculateTier(user);
        assertThat(memberships.member(user).tierGraceUntil()).isNotNull();

        memberships.apply(order(user, "1000.00", Instant.now()));

        assertThat(memberships.member(user).tierGraceUntil()).isNull();
        memberships.recalculateTier(user);
        assertThat(memberships.member(user).tier()).isEqualTo("black_gold");
        assertThat(memberships.tierCandidates()).contains(user);
    }

    @Test
    void pointsOlderThanTwelveMonthsExpireOldestFirstAsALedgerDebitOnce() {
        credit(100, "old");
        jdbc.sql("update points_ledger set created_at = now() - interval '13 months' where user_id = :u")
                .param("u", user)
                .update();
        credit(50, "new");
        assertThat(api.post("/api/v1/membership/me/points/spend", shopper, "{\"points\": 30, \"requestId\": \"s\"}")
                        .status())
                .isEqualTo(201);

        assertThat(memberships.expiryCandidates()).contains(user);
        // the spend used 30 of the old 100 (oldest first): 70 expire, the 50 recent points stay
        assertThat(memberships.expirePoints(user)).isEqualTo(70);
        assertThat(memberships.expirePoints(user)).isZero();

        assertThat(memberships.member(user).points()).isEqualTo(50);
        assertThat(kafka.await(Topics.MEMBERSHIP, about(user, PointsDebited.class), 2, TIMEOUT).stream()
                        .map(EventEnvelope::data)
                        .toList())
                .contains(new PointsDebited(70, "expiry", 50));
        assertThat(jdbc.sql("select min(balance_after) from points_ledger where user_id = :u")
                        .param("u", user)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(0);
    }

    @Test
    void expiryNeverTakesMoreThanTheBalance() {
        credit(100, "old");
        jdbc.sql("update points_ledger set created_at = now() - interval '13 months' where user_id = :u")
                .param("u", user)
                .update();
        api.post("/api/v1/membership/me/points/spend", shopper, "{\"points\": 100, \"requestId\": \"all\"}");

        assertThat(memberships.expirePoints(user)).isZero();
        assertThat(memberships.member(user).points()).isZero();
    }

    @Test
    void aLateDeliveryPaysItsCompensationOnceByEventId() {
        var late = EventEnvelope.of("supply-service", user, Instant.now(), new DeliveryLate("o-1", 17, 30));
        kafka.publish(late);
        kafka.publish(late);
        kafka.publish(EventEnvelope.of("supply-service", user, Instant.now(), new DeliveryLate("o-2", 5, 0)));

        var credited = kafka.await(Topics.MEMBERSHIP, about(user, PointsCredited.class), 1, TIMEOUT)
                .get(0);
        assertThat(credited.data()).isEqualTo(new PointsCredited(30, "late_delivery", 30));
        // a marker on the same key: once it is applied, both copies of the late delivery were consumed
        kafka.publish(EventEnvelope.of("supply-service", user, Instant.now(), new DeliveryLate("o-3", 40, 1)));
        await().atMost(TIMEOUT).until(() -> memberships.member(user).points() == 31);
        assertThat(ledgerRows()).isEqualTo(2);
    }

    @Test
    void reviewsAddGrowthUpToADailyCap() {
        for (int i = 0; i < 4; i++) {
            kafka.publish(EventEnvelope.of(
                    "gateway-service", user, Instant.now(), new ReviewPosted("o-" + i, null, 5, "very fresh")));
        }
        // a marker on the same key: once its point is there, all four reviews were consumed
        kafka.publish(order(user, "1.00", Instant.now()));
        await().atMost(TIMEOUT).until(() -> memberships.member(user).points() == 1);

        assertThat(memberships.member(user).growth()).isEqualByComparingTo("16");
    }

    @Test
    void operatorsChangeTierRulesAuditedWithinTheRules() {
        assertThat(api.get("/admin/v1/membership/tier-rules", operator).json().findValuesAsString("tier"))
                .containsExactly("green", "black_gold");
        var changed = api.put(
                "/admin/v1/membership/tier-rules/black_gold",
                operator,
                "{\"minGrowth\": 800, \"freeDelivery\": true, \"memberPrices\": true, \"birthdayGift\": false,"
                        + " \"exclusiveCoupons\": true}");
        try {
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            memberships.apply(order(user, "850.00", Instant.now()));
            var benefits = api.get("/api/v1/membership/me/benefits", shopper).json();
            assertThat(benefits.get("tier").asString()).isEqualTo("black_gold");
            assertThat(benefits.get("birthdayGift").asBoolean()).isFalse();
        } finally {
            api.put(
                    "/admin/v1/membership/tier-rules/black_gold",
                    operator,
                    "{\"minGrowth\": 1000, \"freeDelivery\": true, \"memberPrices\": true, \"birthdayGift\": true,"
                            + " \"exclusiveCoupons\": true}");
        }
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'tier-rule.set' and actor = :a")
                        .param("a", operatorName)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        String body = "{\"minGrowth\": 10, \"freeDelivery\": false, \"memberPrices\": true, \"birthdayGift\": false,"
                + " \"exclusiveCoupons\": false}";
        assertThat(api.put("/admin/v1/membership/tier-rules/green", operator, body)
                        .status())
                .isEqualTo(422);
        assertThat(api.put("/admin/v1/membership/tier-rules/platinum", operator, body)
                        .status())
                .isEqualTo(404);
        assertThat(api.put("/admin/v1/membership/tier-rules/green", shopper, body)
                        .status())
                .isEqualTo(403);
        assertBadRequest(
                api.put("/admin/v1/membership/tier-rules/green", operator, "{\"minGrowth\": -1}"), "minGrowth");
    }

    private void assertBadRequest(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .as(response.body())
                .contains(field);
    }

    private void credit(long points, String requestId) {
        var response = api.post(
                "/admin/v1/membership/users/" + user + "/points",
                operator,
                "{\"points\": " + points + ", \"reason\": \"goodwill\", \"requestId\": \"" + requestId + "\"}");
        assertThat(response.status()).isEqualTo(201);
    }

    private long ledgerRows() {
        return jdbc.sql("select count(*) from points_ledger where user_id = :u")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private static Predicate<EventEnvelope<EventData>> about(String user, Class<? extends EventData> type) {
        return event -> user.equals(event.subject()) && event.holds(type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventEnvelope<EventData> order(String user, String total, Instant at) {
        BigDecimal amount = new BigDecimal(total);
        EventEnvelope<?> event = EventEnvelope.of(
                "gateway-service",
                user,
                at,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        "sh-pudong",
                        List.of(new OrderPlaced.Line("rice-5kg", "rice 5kg", "staples", 1, amount)),
                        amount,
                        BigDecimal.ZERO,
                        amount,
                        "alipay",
                        null));
        return (EventEnvelope) event;
    }
}
