package com.freshloop.recommendation.serving;

import static com.freshloop.recommendation.TestEvents.line;
import static com.freshloop.recommendation.TestEvents.order;
import static com.freshloop.recommendation.TestEvents.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The trained model end to end, in its own context (its own database, so the model is trained on
 * exactly these baskets): orders through Kafka, training through the admin API, precomputed lists with
 * reasons, lists that change within seconds of an order, a view or a cart change, and the model tables.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freshloop.recommendation.serving.list-size=40")
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelIT {

    static final int SHOPPERS = 40;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    final String regular = "regular-" + run;
    JsonNode trained;

    String sku(String name) {
        return name.replace(' ', '-') + "-" + run;
    }

    OrderPlaced.Line item(String name) {
        return line(sku(name), name);
    }

    @BeforeAll
    void shoppersOrderAndTheModelIsTrained() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        List<String> extras = List.of("apples", "rice", "tofu", "yogurt", "noodles");
        int orders = 0;
        for (int u = 0; u < SHOPPERS; u++) {
            for (int b = 0; b < 4; b++) {
                List<OrderPlaced.Line> lines = new ArrayList<>(List.of(item("whole milk")));
                if (b != 1) {
                    lines.add(item("steak"));
                    lines.add(item("pepper sauce"));
                }
                lines.add(item(extras.get((u + b) % extras.size())));
                kafka.publish(order(
                        "shopper-" + run + "-" + u,
                        now.minus(Duration.ofDays(12 - 3L * b)),
                        "sh-pudong",
                        lines.toArray(OrderPlaced.Line[]::new)));
                orders++;
            }
        }
        for (int b = 0; b < 3; b++) {
            List<OrderPlaced.Line> lines = new ArrayList<>(List.of(item("whole milk")));
            if (b == 2) {
                lines.add(item("steak"));
            }
            kafka.publish(order(
                    regular,
                    now.minus(Duration.ofDays(9 - 3L * b)),
                    "sh-pudong",
                    lines.toArray(OrderPlaced.Line[]::new)));
            orders++;
        }
        int expected = orders;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> jdbc.sql("select count(*) from basket")
                                .query(Integer.class)
                                .single()
                        == expected);

        var response = api.post("/admin/v1/recommendations/model/train", TestTokens.operator("ops"), "");
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        String runId = response.json().get("id").asString();
        assertThat(response.header("Location")).isEqualTo("/admin/v1/recommendations/model/train/runs/" + runId);
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    run[0] = api.get("/admin/v1/recommendations/model/train/runs/" + runId, TestTokens.operator("ops"))
                            .json();
                    return !"running".equals(run[0].get("status").asString());
                });
        assertThat(run[0].get("status").asString()).as(run[0].toString()).isEqualTo("succeeded");
        trained = run[0].get("result");
    }

    @AfterAll
    void close() {
        kafka.close();
    }

    @Test
    void trainingIsReportedStoredAndAudited() {
        assertThat(trained.get("users").asInt()).isEqualTo(SHOPPERS + 1);
        assertThat(trained.get("items").asInt()).isEqualTo(8);
        assertThat(trained.get("tuned").asBoolean()).isFalse();
        assertThat(trained.get("weights").asString()).contains("share=");

        var latest = api.get("/admin/v1/recommendations/model", TestTokens.operator("ops"));
        assertThat(latest.json().get("id").asLong()).isEqualTo(trained.get("id").asLong());

        var related =
                api.get("/admin/v1/recommendations/items/" + sku("steak") + "/related", TestTokens.operator("ops"));
        JsonNode rule = related.json().get("rules").get(0);
        assertThat(rule.get("consequent").asString()).isEqualTo(sku("pepper sauce"));
        assertThat(rule.get("confidence").asDouble()).isGreaterThan(0.9);
        assertThat(rule.get("lift").asDouble()).isGreaterThan(1.0);

        assertThat(jdbc.sql("select count(*) from audit_log where action = 'model.trained' and actor = 'ops'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(api.post("/admin/v1/recommendations/model/train", TestTokens.shopper(regular), "")
                        .status())
                .isEqualTo(403);
        var unknown = api.get(
                "/admin/v1/recommendations/model/train/runs/" + java.util.UUID.randomUUID(),
                TestTokens.operator("ops"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/recommendations/model/train/runs/nope", TestTokens.operator("ops"))
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/admin/v1/recommendations/model/train/runs", TestTokens.operator("ops"))
                        .json()
                        .get(0)
                        .get("status")
                        .asString())
                .isEqualTo("succeeded");
    }

    @Test
    void theListIsPrecomputedWithReasonsAndChangesWithinSecondsOfAnOrder() {
        JsonNode before = home(regular);
        assertThat(before.get("fallback").asBoolean()).isFalse();
        JsonNode first = before.get("items").get(0);
        assertThat(first.get("sku").asString()).isEqualTo(sku("whole milk"));
        assertThat(first.get("strategy").asString()).isEqualTo("repurchase");
        assertThat(first.get("reason").asString()).isEqualTo("you buy whole milk about every 3 days");
        assertThat(values(before.get("items"), "sku")).contains(sku("pepper sauce"));
        assertThat(values(before.get("items"), "reason")).noneMatch(r -> r.contains("you bought tofu"));

        kafka.publish(order(regular, Instant.now(), "sh-pudong", item("tofu")));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(values(home(regular).get("items"), "reason"))
                        .contains("you bought tofu earlier today"));
    }

    @Test
    void aProductPageShowsWhatIsOftenBoughtWithIt() {
        var response = api.get(
                "/api/v1/recommendations/me?context=product:" + sku("steak") + "&limit=5",
                TestTokens.shopper("browser-" + run));
        assertThat(response.status()).isEqualTo(200);
        JsonNode first = response.json().get("items").get(0);
        assertThat(first.get("sku").asString()).isEqualTo(sku("pepper sauce"));
        assertThat(first.get("strategy").asString()).isEqualTo("bought_with");
        assertThat(first.get("reason").asString()).isEqualTo("often bought with steak");
        assertThat(values(response.json().get("items"), "sku")).doesNotContain(sku("steak"));
    }

    @Test
    void theCartContextFollowsCartEvents() {
        String shopper = "carting-" + run;
        kafka.publish(EventEnvelope.of(
                "gateway-service", shopper, Instant.now(), new CartItemAdded(sku("steak"), "meat", 1, BigDecimal.TEN)));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode items = api.get("/api/v1/recommendations/me?context=cart&limit=5", TestTokens.shopper(shopper))
                    .json()
                    .get("items");
            assertThat(items.get(0).get("sku").asString()).isEqualTo(sku("pepper sauce"));
            assertThat(items.get(0).get("reason").asString()).isEqualTo("often bought with steak");
            assertThat(values(items, "sku")).doesNotContain(sku("steak"));
        });
    }

    @Test
    void aViewedProductsComplementsJoinTheHomeList() {
        String shopper = "shopper-" + run + "-7";
        kafka.publish(EventEnvelope.of(
                "gateway-service", shopper, Instant.now(), new PageViewed("product", sku("rice"), "grains")));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(values(home(shopper).get("items"), "reason"))
                        .anyMatch(r -> r.endsWith("goes with rice, which you looked at")));
    }

    private JsonNode home(String user) {
        var response = api.get("/api/v1/recommendations/me?limit=10", TestTokens.shopper(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
