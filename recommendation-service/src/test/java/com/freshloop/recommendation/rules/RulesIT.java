package com.freshloop.recommendation.rules;

import static com.freshloop.recommendation.TestEvents.line;
import static com.freshloop.recommendation.TestEvents.order;
import static com.freshloop.recommendation.TestEvents.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.events.streams.v1.RepurchaseDue;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
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
import tools.jackson.databind.JsonNode;

/** The scenario rule layer: operator CRUD with audit and validation, and each kind of rule at work. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class RulesIT {

    static final String RULES = "/admin/v1/recommendations/rules";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String run;
    String ops;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
        ops = TestTokens.operator("ops-" + run);
    }

    @AfterEach
    void tearDown() {
        // The context is shared with other tests: leave no rule behind.
        for (JsonNode rule : api.get(RULES, ops).json()) {
            api.delete(RULES + "/" + rule.get("id").asLong(), ops);
        }
        kafka.close();
    }

    @Test
    void operatorsCreateReadUpdateAndDeleteRulesAndEveryWriteIsAudited() {
        var created = api.post(RULES, ops, """
                {"name": "breakfast", "kind": "time_of_day", "startHour": 6, "endHour": 10,
                 "skus": ["milk-%1$s", "bread-%1$s"], "reason": "breakfast time: milk and bread"}
                """.formatted(run));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.header("Location")).endsWith(RULES + "/" + id);
        assertThat(created.json().get("context").asString()).isEqualTo("home");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();

        assertThat(api.get(RULES + "/" + id, ops).json().get("name").asString()).isEqualTo("breakfast");
        var updated = api.put(RULES + "/" + id, ops, """
                {"name": "breakfast", "kind": "time_of_day", "startHour": 5, "endHour": 11,
                 "skus": ["milk-%s"], "reason": "breakfast time", "priority": 5, "enabled": false}
                """.formatted(run));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("startHour").asInt()).isEqualTo(5);
        assertThat(updated.json().get("enabled").asBoolean()).isFalse();
        assertThat(api.delete(RULES + "/" + id, ops).status()).isEqualTo(204);
        assertThat(api.get(RULES + "/" + id, ops).status()).isEqualTo(404);
        assertThat(api.delete(RULES + "/" + id, ops).status()).isEqualTo(404);

        assertThat(jdbc.sql("select action from audit_log where target = :target order by id")
                        .param("target", "rule:" + id)
                        .query(String.class)
                        .list())
                .containsExactly("rule.created", "rule.updated", "rule.deleted");
        assertThat(jdbc.sql("select distinct actor from audit_log where target = :target")
                        .param("target", "rule:" + id)
                        .query(String.class)
                        .single())
                .isEqualTo("ops-" + run);
    }

    @Test
    void badRulesAreProblemsNamingTheFieldOrTheBrokenRule() {
        var badKind = api.post(RULES, ops, """
                {"name": "x", "kind": "moon_phase", "skus": ["a"], "reason": "r"}""");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        var badHour = api.post(RULES, ops, """
                {"name": "x", "kind": "time_of_day", "startHour": 25, "endHour": 3, "skus": ["a"], "reason": "r"}""");
        assertThat(badHour.status()).isEqualTo(400);
        assertThat(badHour.json().get("errors").get(0).get("field").asString()).isEqualTo("startHour");
        var noWindow = api.post(RULES, ops, """
                {"name": "x", "kind": "time_of_day", "skus": ["a"], "reason": "r"}""");
        assertThat(noWindow.status()).isEqualTo(422);
        assertThat(noWindow.isProblem()).isTrue();
        var noItems = api.post(RULES, ops, """
                {"name": "x", "kind": "lifecycle", "lifecycle": "new", "reason": "r"}""");
        assertThat(noItems.status()).isEqualTo(422);
    }

    @Test
    void rulesAreForOperatorsOnly() {
        assertThat(api.get(RULES, null).status()).isEqualTo(401);
        assertThat(api.get(RULES, TestTokens.shopper("u-" + run)).status()).isEqualTo(403);
        assertThat(api.post(RULES, TestTokens.shopper("u-" + run), "{}").status())
                .isEqualTo(403);
    }

    @Test
    void aTimeOfDayRulePutsItsItemsFirstDuringItsWindow() {
        int hour = ZonedDateTime.now(ZoneId.of("Asia/Shanghai")).getHour();
        create("""
                {"name": "now", "kind": "time_of_day", "startHour": %d, "endHour": %d,
                 "skus": ["milk-%s"], "reason": "breakfast time: milk and bread"}
                """.formatted(hour, hour + 1, run));
        create("""
                {"name": "later", "kind": "time_of_day", "startHour": %d, "endHour": %d,
                 "skus": ["beer-%s"], "reason": "evening"}
                """.formatted((hour + 2) % 24, (hour + 3) % 24 == 0 ? 24 : (hour + 3) % 24, run));

        JsonNode items = home("u-" + run);
        assertThat(items.get(0).get("sku").asString()).isEqualTo("milk-" + run);
        assertThat(items.get(0).get("strategy").asString()).isEqualTo("scenario");
        assertThat(items.get(0).get("reason").asString()).isEqualTo("breakfast time: milk and bread");
        assertThat(values(items, "sku")).doesNotContain("beer-" + run);
    }

    @Test
    void aWeatherRuleFollowsTheWeatherOfTheShoppersRegion() {
        String region = "region-" + run;
        String user = "u-" + run;
        kafka.publish(order(user, Instant.now(), region, line("rice-" + run, "rice")));
        create("""
                {"name": "hot", "kind": "weather", "weather": "hot",
                 "skus": ["watermelon-%s"], "reason": "a hot day: watermelon"}
                """.formatted(run));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> values(home(user), "sku").contains("rice-" + run));
        assertThat(values(home(user), "sku")).doesNotContain("watermelon-" + run);

        kafka.publish(EventEnvelope.of(
                "weather-feed", region, Instant.now(), new WeatherObserved(region, LocalDate.now(), 33.5, "sunny")));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = home(user);
            assertThat(items.get(0).get("sku").asString()).isEqualTo("watermelon-" + run);
            assertThat(items.get(0).get("reason").asString()).isEqualTo("a hot day: watermelon");
        });
    }

    @Test
    void newShoppersGetTheFirstOrderOfferAndRegularsTheirRepurchaseReminders() {
        create("""
                {"name": "first order", "kind": "lifecycle", "lifecycle": "new",
                 "skus": ["welcome-box-%s"], "reason": "first-order offer: a fresh welcome box"}
                """.formatted(run));
        create("""
                {"name": "reminders", "kind": "lifecycle", "lifecycle": "regular", "priority": 10,
                 "reason": "repurchase reminder"}""");

        JsonNode newcomer = home("new-" + run);
        assertThat(newcomer.get(0).get("sku").asString()).isEqualTo("welcome-box-" + run);
        assertThat(newcomer.get(0).get("reason").asString()).isEqualTo("first-order offer: a fresh welcome box");

        String regular = "regular-" + run;
        for (int i = 3; i >= 1; i--) {
            kafka.publish(
                    order(regular, Instant.now().minus(Duration.ofDays(5L * i)), "sh", line("eggs-" + run, "eggs")));
        }
        kafka.publish(EventEnvelope.of(
                "stream-jobs",
                regular,
                Instant.now(),
                new RepurchaseDue("milk-" + run, 5.0, Instant.now().minus(Duration.ofDays(5)))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = home(regular);
            assertThat(items.get(0).get("sku").asString()).isEqualTo("milk-" + run);
            assertThat(items.get(0).get("strategy").asString()).isEqualTo("reminder");
            assertThat(items.get(0).get("reason").asString()).isEqualTo("you buy milk-" + run + " about every 5 days");
            assertThat(values(items, "sku")).doesNotContain("welcome-box-" + run);
        });
    }

    private void create(String json) {
        var response = api.post(RULES, ops, json);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private JsonNode home(String user) {
        // rules are matched from an in-memory snapshot that this instance refreshes on commit
        var response = api.get("/api/v1/recommendations/me?limit=20", TestTokens.shopper(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("items");
    }
}
