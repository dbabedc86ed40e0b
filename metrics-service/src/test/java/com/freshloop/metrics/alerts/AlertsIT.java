package com.freshloop.metrics.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.metrics.v1.MetricAlertRaised;
import com.freshloop.metrics.Api;
import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.metrics.kpi.CouponRedemption;
import com.freshloop.metrics.kpi.OrderValue;
import com.freshloop.metrics.kpi.PushEngagement;
import com.freshloop.metrics.kpi.RepurchaseRate;
import com.freshloop.metrics.kpi.StockHealth;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Rules over HTTP, and their evaluation against a 2020 fixture at fixed instants. Evaluated on
 * 2020-06-30, a rule "30-day repurchase rate 5 % below its 28-day baseline" compares the cohorts of
 * [05-24, 05-31) (w1..w4, one repurchased: 0.25) with those of [04-26, 05-24) (b1..b4, two: 0.5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertsIT {

    static final Instant JUNE_30 = Instant.parse("2020-06-30T12:00:00Z");
    static final RuleSpec DROP_5_PERCENT =
            new RuleSpec(AlertMetric.REPURCHASE_RATE_30D, Comparison.RELATIVE_DROP, 0.05, 7, 28, 30, true, "test");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    EventStore store;

    @Autowired
    AlertRules rules;

    @Autowired
    AlertStates states;

    @Autowired
    AlertEvaluator evaluator;

    @Autowired
    RepurchaseRate repurchaseRate;

    @Autowired
    OrderValue orderValue;

    @Autowired
    CouponRedemption couponRedemption;

    @Autowired
    PushEngagement push;

    @Autowired
    StockHealth stock;

    Api api;
    KafkaTestClient kafka;
    final String operator = "ops-" + UUID.randomUUID();

    @BeforeAll
    void cohorts() {
        Fixtures f = new Fixtures();
        for (int i = 1; i <= 4; i++) {
            f.order("b" + i, "2020-05-0" + i + "T10:00:00Z", 10, "east");
            f.order("w" + i, "2020-05-2" + (5 + i) + "T10:00:00Z", 10, "east");
        }
        f.order("b1", "2020-05-10T10:00:00Z", 10, "east");
        f.order("b2", "2020-05-10T10:00:00Z", 10, "east");
        f.order("w1", "2020-06-05T10:00:00Z", 10, "east");
        // a good week later on: r1 and r2 both come back
        f.order("r1", "2020-06-14T10:00:00Z", 10, "east");
        f.order("r2", "2020-06-14T10:00:00Z", 10, "east");
        f.order("r1", "2020-06-16T10:00:00Z", 10, "east");
        f.order("r2", "2020-06-16T10:00:00Z", 10, "east");
        f.storeIn(store);
    }

    @BeforeEach
    void connect() {
        api = new Api(port);
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aBreachRaisesOneAlertUntilTheRuleRecovers() {
        AlertRule rule = rules.create(DROP_5_PERCENT, operator);

        AlertEvaluator.Evaluation first = evaluator.evaluate(rule, JUNE_30);

        assertThat(first.outcome()).isEqualTo(AlertEvaluator.Outcome.RAISED);
        assertThat(first.value()).isEqualTo(0.25);
        assertThat(first.baseline()).isEqualTo(0.5);
        assertThat(first.windowFrom()).isEqualTo(Instant.parse("2020-05-24T00:00:00Z"));
        assertThat(first.windowTo()).isEqualTo(Instant.parse("2020-05-31T00:00:00Z"));
        UUID eventId = first.eventId();
        // evaluated again the same day, and the next day: still the same breach, nothing new
        assertThat(evaluator.evaluate(rule, JUNE_30.plusSeconds(900)).outcome())
                .isEqualTo(AlertEvaluator.Outcome.STILL_BREACHING);
        AlertEvaluator.Evaluation nextDay = evaluator.evaluate(rule, JUNE_30.plus(Duration.ofDays(1)));
        assertThat(nextDay.outcome()).isEqualTo(AlertEvaluator.Outcome.STILL_BREACHING);
        assertThat(nextDay.eventId()).isEqualTo(eventId);

        List<EventEnvelope<EventData>> published =
                kafka.await(Topics.METRICS, e -> e.id().equals(eventId), 1, Duration.ofSeconds(30));
        EventEnvelope<EventData> event = published.get(0);
        assertThat(event.type()).isEqualTo("metric.alert_raised");
        assertThat(event.subject()).isEqualTo(rule.id());
        assertThat(event.data()).isEqualTo(new MetricAlertRaised(rule.id(), "repurchase_rate_30d", 0.25, 0.5, -0.5));
        assertThatThrownBy(
                        () -> kafka.await(Topics.METRICS, e -> rule.id().equals(e.subject()), 2, Duration.ofSeconds(3)))
                .as("exactly one alert for the breach")
                .isInstanceOf(AssertionError.class);

        // three weeks later the window [06-13, 06-20) has r1 and r2, both back: 1.0 against 0.25
        AlertEvaluator.Evaluation later = evaluator.evaluate(rule, Instant.parse("2020-07-20T12:00:00Z"));
        assertThat(later.outcome()).isEqualTo(AlertEvaluator.Outcome.RECOVERED);
        assertThat(later.value()).isEqualTo(1.0);
        assertThat(later.baseline()).isEqualTo(0.25);
        assertThat(evaluator
                        .evaluate(rule, Instant.parse("2020-07-20T13:00:00Z"))
                        .outcome())
                .isEqualTo(AlertEvaluator.Outcome.OK);

        Api.Response raised = api.get(
                "/admin/v1/metrics/alerts?from=2020-06-01T00:00:00Z&to=2020-08-01T00:00:00Z",
                TestTokens.operator(operator));
        assertThat(raised.status()).isEqualTo(200);
        assertThat(raised.body().findValuesAsString("eventId")).contains(eventId.toString());
    }

    @Test
    void anAlertWhoseSendFailedIsSentAgainWithTheSameId() {
        AlertRule rule = rules.create(DROP_5_PERCENT, operator);
        List<RaisedAlert> sent = new ArrayList<>();
        AlertEvaluator failing = evaluatorPublishingTo(alert -> {
            throw new IllegalStateException("broker down");
        });
        AlertEvaluator recording = evaluatorPublishingTo(sent::add);

        AlertEvaluator.Evaluation failed = failing.evaluate(rule, JUNE_30);
        AlertEvaluator.Evaluation retried = recording.evaluate(rule, JUNE_30.plusSeconds(900));
        AlertEvaluator.Evaluation after = recording.evaluate(rule, JUNE_30.plusSeconds(1800));

        assertThat(failed.outcome()).isEqualTo(AlertEvaluator.Outcome.PUBLISH_FAILED);
        assertThat(retried.outcome()).isEqualTo(AlertEvaluator.Outcome.REPUBLISHED);
        assertThat(retried.eventId()).isEqualTo(failed.eventId());
        assertThat(after.outcome()).isEqualTo(AlertEvaluator.Outcome.STILL_BREACHING);
        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.eventId()).isEqualTo(failed.eventId());
            assertThat(alert.raisedAt()).isEqualTo(JUNE_30);
            assertThat(alert.changeRatio()).isCloseTo(-0.5, within(1e-12));
        });
    }

    @Test
    void aChangedRuleStartsAfreshAndAbsoluteRulesCompareWithTheirThreshold() {
        AlertRule rule = rules.create(DROP_5_PERCENT, operator);
        UUID firstAlert = evaluatorPublishingTo(a -> {}).evaluate(rule, JUNE_30).eventId();
        AlertRule changed = rules.update(
                rule.id(),
                new RuleSpec(AlertMetric.REPURCHASE_RATE_30D, Comparison.BELOW, 0.3, 7, 28, 30, true, "absolute"),
                operator);

        AlertEvaluator.Evaluation evaluation = evaluatorPublishingTo(a -> {}).evaluate(changed, JUNE_30);

        assertThat(changed.version()).isGreaterThan(rule.version());
        assertThat(evaluation.outcome()).isEqualTo(AlertEvaluator.Outcome.RAISED);
        assertThat(evaluation.baseline()).isEqualTo(0.3);
        assertThat(evaluation.eventId()).isNotEqualTo(firstAlert);
        assertThat(evaluatorPublishingTo(a -> {})
                        .evaluate(
                                rules.update(
                                        rule.id(),
                                        new RuleSpec(
                                                AlertMetric.REPURCHASE_RATE_30D,
                                                Comparison.ABOVE,
                                                0.3,
                                                7,
                                                28,
                                                30,
                                                false,
                                                "off"),
                                        operator),
                                JUNE_30)
                        .outcome())
                .isEqualTo(AlertEvaluator.Outcome.DISABLED);
    }

    @Test
    void aWindowWithoutDataRaisesNothing() {
        AlertRule rule = rules.create(
                new RuleSpec(AlertMetric.SPOILAGE_RATE, Comparison.ABOVE, 0.1, 7, 28, 0, true, ""), operator);

        assertThat(evaluatorPublishingTo(a -> {})
                        .evaluate(rule, Instant.parse("2019-01-15T00:00:00Z"))
                        .outcome())
                .isEqualTo(AlertEvaluator.Outcome.NO_DATA);
    }

    @Test
    void operatorsManageRulesAndEveryChangeIsAudited() {
        String token = TestTokens.operator(operator);
        Api.Response created = api.post(
                "/admin/v1/metrics/alerts/rules",
                token,
                "{\"metric\":\"repurchase_rate_30d\",\"comparison\":\"relative_drop\",\"threshold\":0.05,"
                        + "\"description\":\"repurchase 5 % below baseline\"}");

        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        JsonNode rule = created.body();
        String id = rule.path("id").asString();
        assertThat(created.location()).endsWith("/admin/v1/metrics/alerts/rules/" + id);
        assertThat(rule.path("windowDays").asInt()).isEqualTo(7);
        assertThat(rule.path("baselineDays").asInt()).isEqualTo(28);
        assertThat(rule.path("lagDays").asInt())
                .as("the repurchase rate settles in 30 days")
                .isEqualTo(30);
        assertThat(rule.path("enabled").asBoolean()).isTrue();
        assertThat(rule.path("updatedBy").asString()).isEqualTo(operator);
        assertThat(api.get("/admin/v1/metrics/alerts/rules/" + id, token)
                        .body()
                        .path("threshold")
                        .asDouble())
                .isEqualTo(0.05);

        Api.Response updated = api.put(
                "/admin/v1/metrics/alerts/rules/" + id,
                token,
                "{\"metric\":\"aov\",\"comparison\":\"below\",\"threshold\":30,\"windowDays\":14,\"enabled\":false}");
        assertThat(updated.status()).as("%s", updated.body()).isEqualTo(200);
        assertThat(updated.body().path("version").asLong())
                .isGreaterThan(rule.path("version").asLong());
        assertThat(updated.body().path("metric").asString()).isEqualTo("aov");
        assertThat(updated.body().path("lagDays").asInt()).isEqualTo(1);
        assertThat(api.get("/admin/v1/metrics/alerts/rules", token).body().findValuesAsString("id"))
                .contains(id);

        assertThat(api.delete("/admin/v1/metrics/alerts/rules/" + id, token).status())
                .isEqualTo(204);
        assertThat(api.get("/admin/v1/metrics/alerts/rules/" + id, token).status())
                .isEqualTo(404);
        assertThat(api.delete("/admin/v1/metrics/alerts/rules/" + id, token).status())
                .isEqualTo(404);
        assertThat(api.get("/admin/v1/metrics/alerts/rules", token).body().findValuesAsString("id"))
                .doesNotContain(id);

        JsonNode audit = api.get("/admin/v1/metrics/audit?target=" + id, token).body();
        assertThat(audit.findValuesAsString("action"))
                .containsExactlyInAnyOrder("alert_rule.created", "alert_rule.updated", "alert_rule.deleted");
        assertThat(audit.findValuesAsString("actor")).containsOnly(operator);
        assertThat(audit.findValuesAsString("details"))
                .anySatisfy(d -> assertThat(d).contains("before").contains("after"));
    }

    @Test
    void evaluatingOnDemandIsAudited() {
        Api.Response response = api.post("/admin/v1/metrics/alerts/evaluate", TestTokens.operator(operator), null);

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        assertThat(api.get("/admin/v1/metrics/audit?target=*", TestTokens.operator(operator))
                        .body()
                        .findValuesAsString("action"))
                .contains("alerts.evaluated");
    }

    @Test
    void refusesRulesThatMakeNoSense() {
        String token = TestTokens.operator(operator);

        assertField(api.post("/admin/v1/metrics/alerts/rules", token, rule("\"nope\"", "\"below\"", "1")), "metric");
        assertField(
                api.post("/admin/v1/metrics/alerts/rules", token, rule("\"aov\"", "\"sideways\"", "1")), "comparison");
        assertField(
                api.post("/admin/v1/metrics/alerts/rules", token, rule("\"aov\"", "\"relative_drop\"", "1.5")),
                "threshold");
        assertField(
                api.post("/admin/v1/metrics/alerts/rules", token, rule("\"aov\"", "\"below\"", "null")), "threshold");
        assertField(
                api.post(
                        "/admin/v1/metrics/alerts/rules",
                        token,
                        "{\"metric\":\"aov\",\"comparison\":\"below\",\"threshold\":1,\"windowDays\":0}"),
                "windowDays");
        assertThat(api.post("/admin/v1/metrics/alerts/rules", token, "{not json")
                        .status())
                .isEqualTo(400);
        assertThat(api.put(
                                "/admin/v1/metrics/alerts/rules/nothing-" + UUID.randomUUID(),
                                token,
                                rule("\"aov\"", "\"below\"", "1"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void shoppersCannotTouchRules() {
        assertThat(api.get("/admin/v1/metrics/alerts/rules", TestTokens.shopper("alice"))
                        .status())
                .isEqualTo(403);
        assertThat(api.post(
                                "/admin/v1/metrics/alerts/rules",
                                TestTokens.shopper("alice"),
                                rule("\"aov\"", "\"below\"", "1"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/admin/v1/metrics/alerts/rules", null).status()).isEqualTo(401);
    }

    private AlertEvaluator evaluatorPublishingTo(AlertPublisher publisher) {
        return new AlertEvaluator(rules, states, publisher, repurchaseRate, orderValue, couponRedemption, push, stock);
    }

    private static String rule(String metric, String comparison, String threshold) {
        return "{\"metric\":" + metric + ",\"comparison\":" + comparison + ",\"threshold\":" + threshold + "}";
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsString("field")).contains(field);
    }
}
