package com.freshloop.supply.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freshloop.outbox.retry-interval=PT1S")
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class DemandIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemandForecasts forecasts;

    ApiClient api;
    KafkaTestClient kafka;
    String run;
    String region;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
        region = "sh-" + run;
        operator = TestTokens.operator("planner-" + run);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    /** Three weeks of daily orders, 4-6 units a day, ending yesterday. */
    private void sellDaily(String sku) {
        Instant now = Instant.now();
        for (int daysAgo = 21; daysAgo >= 1; daysAgo--) {
            kafka.publish(order(now.minus(daysAgo, ChronoUnit.DAYS), line(sku, 4 + daysAgo % 3)));
        }
        await().atMost(TIMEOUT).until(() -> unitsSold(sku) == 21 * 5);
    }

    @Test
    void ordersBuildTheDailyHistoryAndTheForecastApiAnswersWithIntervals() {
        String sku = "apple-" + run;
        sellDaily(sku);

        var response = api.get("/admin/v1/supply/forecasts/" + sku + "/" + region + "?horizon=7", operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("historyDays").asInt()).isEqualTo(21);
        assertThat(body.get("method").asString()).startsWith("freshloop");
        assertThat(body.get("days")).hasSize(7);
        for (JsonNode day : body.get("days")) {
            double mean = day.get("mean").asDouble();
            assertThat(mean).isBetween(3.0, 7.0);
            assertThat(day.get("lower").asDouble()).isLessThanOrEqualTo(mean);
            assertThat(day.get("upper").asDouble()).isGreaterThanOrEqualTo(mean);
        }
    }

    @Test
    void aRedeliveredOrderIsCountedOnce() {
        String sku = "pear-" + run;
        EventEnvelope<OrderPlaced> order = order(Instant.now().minus(2, ChronoUnit.DAYS), line(sku, 3));
        kafka.publish(order);
        kafka.publish(order);
        String marker = "marker-" + run;
        kafka.publish(order(Instant.now(), line(marker, 1)));
        await().atMost(TIMEOUT).until(() -> unitsSold(marker) == 1);
        assertThat(unitsSold(sku)).isEqualTo(3);
    }

    @Test
    void staplesGetTheHighServiceLevelAndADayOfLeadTimeAndAnEmptyShelfIsReordered() {
        String eggs = "eggs-" + run;
        sellDaily(eggs);

        var response = api.get("/admin/v1/supply/replenishment/" + eggs + "/" + region, operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode s = response.json();
        assertThat(s.get("staple").asBoolean()).isTrue();
        assertThat(s.get("serviceLevel").asDouble()).isEqualTo(0.98);
        assertThat(s.get("leadTimeHours").asInt()).isEqualTo(24);
        assertThat(s.get("safetyStock").asDouble()).isPositive();
        assertThat(s.get("reorderPoint").asDouble())
                .isCloseTo(
                        s.get("expectedLeadTimeDemand").asDouble()
                                + s.get("safetyStock").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9));
        // nothing on hand: order up to the reorder point plus a day's demand
        assertThat(s.get("onHand").asInt()).isZero();
        assertThat(s.get("suggestedOrder").asInt())
                .isGreaterThan((int) s.get("reorderPoint").asDouble());

        var all = api.get("/admin/v1/supply/replenishment?region=" + region, operator);
        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().findValuesAsString("sku")).containsExactly(eggs);
    }

    @Test
    void theNightlyBatchStoresAForecastForEverySeries() {
        String sku = "kale-" + run;
        sellDaily(sku);
        assertThat(forecasts.forecastAll(28)).isPositive();
        assertThat(forecasts.storedDays(sku, region)).isEqualTo(28);
    }

    @Test
    void badInputUnknownSeriesAndMissingRoleAreRejected() {
        var badHorizon = api.get("/admin/v1/supply/forecasts/milk/" + region + "?horizon=0", operator);
        assertThat(badHorizon.status()).isEqualTo(400);
        assertThat(badHorizon.json().path("errors").findValuesAsString("field")).contains("horizon");
        var badRegion = api.get("/admin/v1/supply/replenishment", operator);
        assertThat(badRegion.status()).isEqualTo(400);
        assertThat(badRegion.json().path("errors").findValuesAsString("field")).contains("region");
        var unknown = api.get("/admin/v1/supply/forecasts/never-" + run + "/" + region, operator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/supply/forecasts/milk/" + region, null).status())
                .isEqualTo(401);
        assertThat(api.get("/admin/v1/supply/forecasts/milk/" + region, TestTokens.shopper("u-" + run))
                        .status())
                .isEqualTo(403);
    }

    private long unitsSold(String sku) {
        return jdbc.sql("select coalesce(sum(units), 0) from daily_demand where sku = :sku and region = :region")
                .param("sku", sku)
                .param("region", region)
                .query(Long.class)
                .single();
    }

    private static OrderPlaced.Line line(String sku, int quantity) {
        return new OrderPlaced.Line(sku, sku, "fresh", quantity, new BigDecimal("3.00"));
    }

    private EventEnvelope<OrderPlaced> order(Instant at, OrderPlaced.Line... lines) {
        BigDecimal total = new BigDecimal("3.00").multiply(BigDecimal.valueOf(lines.length));
        return EventEnvelope.of(
                "gateway-service",
                "u-" + run,
                at,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        region,
                        List.of(lines),
                        total,
                        BigDecimal.ZERO,
                        total,
                        "wechat",
                        null));
    }
}
