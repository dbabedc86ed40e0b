package com.freshloop.supply.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.context.v1.HolidayDeclared;
import com.freshloop.events.context.v1.WeatherObserved;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
class ContextIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int DAYS = 35;

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

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
        region = "hz-" + run;
        operator = TestTokens.operator("planner-" + run);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void weatherObservationsAreStoredPerRegionAndDayAndTheLatestObservationWins() {
        LocalDate day = LocalDate.of(2026, 7, 1);
        Instant noon = Instant.parse("2026-07-01T12:00:00Z");
        kafka.publish(weather(day, 30.0, "sunny", noon));
        await().atMost(TIMEOUT).until(() -> temperature(day) != null);
        // an older observation arriving late changes nothing; a newer one replaces it; a redelivery is harmless
        kafka.publish(weather(day, 12.0, "rain", noon.minus(6, ChronoUnit.HOURS)));
        EventEnvelope<WeatherObserved> evening = weather(day, 25.5, "rain", noon.plus(6, ChronoUnit.HOURS));
        kafka.publish(evening);
        kafka.publish(evening);
        LocalDate marker = day.plusDays(1);
        kafka.publish(weather(marker, 20.0, "sunny", noon.plus(1, ChronoUnit.DAYS)));
        await().atMost(TIMEOUT).until(() -> temperature(marker) != null);

        assertThat(temperature(day)).isEqualTo(25.5);
        assertThat(jdbc.sql("select condition from weather_observation where region = :r and day = :d")
                        .param("r", region)
                        .param("d", day)
                        .query(String.class)
                        .single())
                .isEqualTo("rain");
    }

    @Test
    void declaredHolidaysJoinTheConfiguredCalendarInTheOperatorApi() {
        LocalDate fair = LocalDate.of(2026, 8, 8);
        kafka.publish(EventEnvelope.of(
                "operator-feed", region, Instant.now(), new HolidayDeclared(region, fair, "Lakeside fair " + run)));
        await().atMost(TIMEOUT).until(() -> holidayNames(region).contains("Lakeside fair " + run));

        var response = api.get("/admin/v1/supply/holidays?region=" + region, operator);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode fairDay = null;
        for (JsonNode h : response.json()) {
            if (h.get("name").asString().equals("Lakeside fair " + run)) {
                fairDay = h;
            }
        }
        assertThat(fairDay).isNotNull();
        assertThat(fairDay.get("date").asString()).isEqualTo("2026-08-08");
        assertThat(fairDay.get("preDays").asInt()).isEqualTo(1);
        // the configured calendar (classpath:holidays.csv) applies to every region
        assertThat(response.json().findValuesAsString("name")).contains("National Day");
        assertThat(api.get("/admin/v1/supply/holidays?region=elsewhere-" + run, operator)
                        .json()
                        .findValuesAsString("name"))
                .contains("National Day")
                .doesNotContain("Lakeside fair " + run);

        assertThat(api.get("/admin/v1/supply/holidays", operator).status()).isEqualTo(400);
        assertThat(api.get("/admin/v1/supply/holidays?region=" + region, TestTokens.shopper("u-" + run))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anObservationThatCannotBeStoredGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String tooLong = "region-" + run + "-" + "x".repeat(70);
        kafka.publish(EventEnvelope.of(
                "operator-feed",
                tooLong,
                Instant.now(),
                new WeatherObserved(tooLong, LocalDate.of(2026, 7, 2), 20, "sunny")));
        kafka.awaitRaw(Topics.deadLetter(Topics.CONTEXT), tooLong, TIMEOUT);

        LocalDate day = LocalDate.of(2026, 7, 3);
        kafka.publish(weather(day, 18.0, "cloudy", Instant.now()));
        await().atMost(TIMEOUT).until(() -> temperature(day) != null);
    }

    @Test
    void theForecastLearnsATemperatureEffectFromStoredWeatherAndUsesSuppliedWeatherForTheForecastDays() {
        String sku = "watermelon-" + run;
        Instant now = Instant.now();
        int total = 0;
        for (int daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
            Instant at = now.minus(daysAgo, ChronoUnit.DAYS);
            double temperature = Math.round(20 + 8 * Math.sin(daysAgo * 1.3));
            int units = (int) (temperature - 5) + daysAgo % 3;
            total += units;
            kafka.publish(order(at, sku, units));
            kafka.publish(weather(LocalDate.ofInstant(at, ZoneOffset.UTC), temperature, "sunny", at));
        }
        int expected = total;
        await().atMost(TIMEOUT).until(() -> unitsSold(sku) == expected && observedDays() == DAYS);

        var stored = api.get("/admin/v1/supply/forecasts/" + sku + "/" + region + "?horizon=3", operator);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().get("method").asString()).contains("+x(").contains("temperatureC");

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var hot = api.post("/admin/v1/supply/forecasts/" + sku + "/" + region, operator, """
                {"horizon": 3, "weather": [{"date": "%s", "temperatureC": 30, "condition": "sunny"}]}
                """.formatted(today));
        var cold = api.post("/admin/v1/supply/forecasts/" + sku + "/" + region, operator, """
                {"horizon": 3, "weather": [{"date": "%s", "temperatureC": 12, "condition": "sunny"}]}
                """.formatted(today));
        assertThat(hot.status()).as(hot.body()).isEqualTo(200);
        assertThat(cold.status()).as(cold.body()).isEqualTo(200);
        double hotDay = hot.json().get("days").get(0).get("mean").asDouble();
        double coldDay = cold.json().get("days").get(0).get("mean").asDouble();
        assertThat(hotDay - coldDay).isBetween(14.0, 22.0);

        var outside = api.post(
                "/admin/v1/supply/forecasts/" + sku + "/" + region, operator, """
                {"horizon": 3, "weather": [{"date": "%s", "temperatureC": 30, "condition": "sunny"}]}
                """.formatted(today.plusDays(3)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().path("errors").findValuesAsString("field")).contains("weather[0].date");
        var hotter = api.post("/admin/v1/supply/forecasts/" + sku + "/" + region, operator, """
                {"horizon": 3, "weather": [{"date": "%s", "temperatureC": 99, "condition": "sunny"}]}
                """.formatted(today));
        assertThat(hotter.status()).isEqualTo(400);
        assertThat(hotter.isProblem()).isTrue();
    }

    private EventEnvelope<WeatherObserved> weather(LocalDate day, double temperature, String condition, Instant at) {
        return EventEnvelope.of("operator-feed", region, at, new WeatherObserved(region, day, temperature, condition));
    }

    private EventEnvelope<OrderPlaced> order(Instant at, String sku, int quantity) {
        BigDecimal total = new BigDecimal("3.00").multiply(BigDecimal.valueOf(quantity));
        return EventEnvelope.of(
                "gateway-service",
                "u-" + run,
                at,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        region,
                        List.of(new OrderPlaced.Line(sku, sku, "fruit", quantity, new BigDecimal("3.00"))),
                        total,
                        BigDecimal.ZERO,
                        total,
                        "wechat",
                        null));
    }

    private Double temperature(LocalDate day) {
        return jdbc.sql("select temperature_c from weather_observation where region = :r and day = :d")
                .param("r", region)
                .param("d", day)
                .query(Double.class)
                .optional()
                .orElse(null);
    }

    private long observedDays() {
        return jdbc.sql("select count(*) from weather_observation where region = :r")
                .param("r", region)
                .query(Long.class)
                .single();
    }

    private List<String> holidayNames(String forRegion) {
        return jdbc.sql("select name from declared_holiday where region = :r")
                .param("r", forRegion)
                .query(String.class)
                .list();
    }

    private long unitsSold(String sku) {
        return jdbc.sql("select coalesce(sum(units), 0) from daily_demand where sku = :sku and region = :region")
                .param("sku", sku)
                .param("region", region)
                .query(Long.class)
                .single();
    }
}
