package com.freshloop.recommendation.experiments;

import static com.freshloop.recommendation.TestEvents.line;
import static com.freshloop.recommendation.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.recommendation.v1.RecommendationClicked;
import com.freshloop.events.recommendation.v1.RecommendationExposed;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

/** A/B experiments: lifecycle, stable assignment, exposure events, clicks, conversions and results. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class ExperimentsIT {

    static final String EXPERIMENTS = "/admin/v1/recommendations/experiments";

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
        // The context is shared with other tests: no experiment keeps running.
        for (JsonNode experiment : api.get(EXPERIMENTS, ops).json()) {
            if (experiment.get("status").asString().equals("running")) {
                api.post(EXPERIMENTS + "/" + experiment.get("id").asLong() + "/stop", ops, "");
            }
        }
        kafka.close();
    }

    @Test
    void anExperimentRunsAssignsStablyLogsExposuresAndReportsResults() {
        long id = create("ranker-" + run);
        assertThat(api.get(EXPERIMENTS + "/" + id, ops).json().get("status").asString())
                .isEqualTo("draft");
        var started = api.post(EXPERIMENTS + "/" + id + "/start", ops, "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asString()).isEqualTo("running");

        long other = create("other-" + run);
        assertThat(api.post(EXPERIMENTS + "/" + other + "/start", ops, "").status())
                .isEqualTo(409);

        Map<String, String> variants = new HashMap<>();
        for (int u = 0; u < 20; u++) {
            String user = "u-" + run + "-" + u;
            JsonNode first = api.get("/api/v1/recommendations/me", TestTokens.shopper(user))
                    .json();
            JsonNode again = api.get("/api/v1/recommendations/me", TestTokens.shopper(user))
                    .json();
            assertThat(first.get("experiment").asString()).isEqualTo("ranker-" + run);
            assertThat(again.get("variant").asString())
                    .isEqualTo(first.get("variant").asString());
            first.get("items")
                    .forEach(item -> assertThat(item.get("variant").asString())
                            .isEqualTo(first.get("variant").asString()));
            variants.put(user, first.get("variant").asString());
        }
        assertThat(variants.values()).contains("control", "treatment");

        String clicker = "u-" + run + "-0";
        kafka.await(
                Topics.RECOMMENDATION,
                e -> clicker.equals(e.subject())
                        && e.data() instanceof RecommendationExposed exposed
                        && exposed.experiment().equals("ranker-" + run)
                        && exposed.variant().equals(variants.get(clicker))
                        && exposed.context().equals("home"),
                2,
                Duration.ofSeconds(30));

        kafka.publish(EventEnvelope.of(
                "gateway-service",
                clicker,
                Instant.now(),
                new RecommendationClicked("sku-1", "ranker-" + run, variants.get(clicker))));
        kafka.publish(order(clicker, Instant.now(), "sh", line("sku-1-" + run, "kale")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode results = api.get(EXPERIMENTS + "/" + id + "/results", ops).json();
            long users = 0;
            long exposures = 0;
            long clickers = 0;
            long converters = 0;
            for (JsonNode variant : results.get("variants")) {
                users += variant.get("users").asLong();
                exposures += variant.get("exposures").asLong();
                clickers += variant.get("clickers").asLong();
                converters += variant.get("converters").asLong();
            }
            assertThat(users).isEqualTo(20);
            assertThat(exposures).isEqualTo(40);
            assertThat(clickers).isEqualTo(1);
            assertThat(converters).isEqualTo(1);
            JsonNode treatment = results.get("variants").get(1);
            assertThat(results.get("variants").get(0).get("conversionVsControl").isNull())
                    .isTrue();
            assertThat(treatment.get("conversionVsControl").get("pValue").asDouble())
                    .isBetween(0.0, 1.0);
            assertThat(treatment.get("expectedShare").asDouble()).isEqualTo(0.5);
            assertThat(results.get("sampleRatio").get("mismatch").asBoolean()).isFalse();
        });

        var stopped = api.post(EXPERIMENTS + "/" + id + "/stop", ops, "");
        assertThat(stopped.json().get("status").asString()).isEqualTo("stopped");
        assertThat(api.post(EXPERIMENTS + "/" + id + "/stop", ops, "").status()).isEqualTo(409);
        JsonNode after = api.get("/api/v1/recommendations/me", TestTokens.shopper(clicker))
                .json();
        assertThat(after.get("experiment").isNull()).isTrue();

        assertThat(jdbc.sql("select action from audit_log where target = :target order by id")
                        .param("target", "experiment:" + id)
                        .query(String.class)
                        .list())
                .containsExactly("experiment.created", "experiment.started", "experiment.stopped");
    }

    @Test
    void variantsDecideTheAlgorithm() {
        long id = create("algorithms-" + run);
        api.post(EXPERIMENTS + "/" + id + "/start", ops, "");
        for (int u = 0; u < 10; u++) {
            JsonNode response = api.get("/api/v1/recommendations/me", TestTokens.shopper("a-" + run + "-" + u))
                    .json();
            if (response.get("variant").asString().equals("control")) {
                response.get("items")
                        .forEach(item ->
                                assertThat(item.get("strategy").asString()).isEqualTo("popular"));
            }
        }
    }

    @Test
    void badExperimentsAreRejected() {
        var oneVariant = api.post(EXPERIMENTS, ops, """
                {"key": "k-%s", "name": "n", "variants": [{"name": "a", "weight": 1, "algorithm": "ranker"}]}
                """.formatted(run));
        assertThat(oneVariant.status()).isEqualTo(400);
        assertThat(oneVariant.json().get("errors").get(0).get("field").asString())
                .isEqualTo("variants");
        var badAlgorithm = api.post(EXPERIMENTS, ops, """
                {"key": "k-%s", "name": "n", "variants": [{"name": "a", "weight": 1, "algorithm": "ranker"},
                 {"name": "b", "weight": 1, "algorithm": "magic"}]}""".formatted(run));
        assertThat(badAlgorithm.status()).isEqualTo(400);
        assertThat(badAlgorithm.json().get("errors").get(0).get("field").asString())
                .isEqualTo("variants[1].algorithm");
        create("dup-" + run);
        assertThat(api.post(EXPERIMENTS, ops, body("dup-" + run)).status()).isEqualTo(409);
        assertThat(api.post(EXPERIMENTS + "/999999/start", ops, "").status()).isEqualTo(404);
        assertThat(api.post(EXPERIMENTS, TestTokens.shopper("u"), body("x-" + run))
                        .status())
                .isEqualTo(403);
    }

    private long create(String key) {
        var response = api.post(EXPERIMENTS, ops, body(key));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private static String body(String key) {
        return """
                {"key": "%s", "name": "ranker vs popular",
                 "variants": [{"name": "control", "weight": 50, "algorithm": "popular"},
                              {"name": "treatment", "weight": 50, "algorithm": "repurchase"}]}
                """.formatted(key);
    }
}
