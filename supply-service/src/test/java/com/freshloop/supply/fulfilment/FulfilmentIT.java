package com.freshloop.supply.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderDelivered;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.supply.v1.DeliveryLate;
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

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freshloop.outbox.retry-interval=PT1S")
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class FulfilmentIT {

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
    String orderId;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        String run = UUID.randomUUID().toString().substring(0, 8);
        user = "u-" + run;
        orderId = "o-" + run;
        operator = TestTokens.operator("dispatch-" + run);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private void placeOrder(Instant at) {
        BigDecimal total = new BigDecimal("9.90");
        kafka.publish(EventEnvelope.of(
                "gateway-service",
                user,
                at,
                new OrderPlaced(
                        orderId,
                        "sh-pudong",
                        List.of(new OrderPlaced.Line("eggs", "eggs", "eggs", 1, total)),
                        total,
                        BigDecimal.ZERO,
                        total,
                        "wechat",
                        null)));
        await().atMost(TIMEOUT).until(() -> deliveries() == 1);
    }

    @Test
    void aLateDeliveryPublishesOneCompensationEventForTheShopper() {
        Instant placed = Instant.now().minus(60, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        placeOrder(placed);
        Instant promised = placed.plus(29, ChronoUnit.MINUTES);
        assertThat(jdbc.sql("select promised_at from delivery where order_id = :id")
                        .param("id", orderId)
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(promised);

        EventEnvelope<OrderDelivered> delivered = EventEnvelope.of(
                "gateway-service",
                user,
                Instant.now(),
                new OrderDelivered(orderId, promised, placed.plus(60, ChronoUnit.MINUTES)));
        kafka.publish(delivered);
        kafka.publish(delivered);

        var event = kafka.await(Topics.SUPPLY, e -> user.equals(e.subject()) && e.holds(DeliveryLate.class), 1, TIMEOUT)
                .get(0);
        // 31 minutes late: 50 + 5 x 31 points
        assertThat(event.data()).isEqualTo(new DeliveryLate(orderId, 31, 205));
        await().atMost(TIMEOUT)
                .until(() -> jdbc.sql("select count(*) from processed_event where event_id = :id")
                                .param("id", delivered.id())
                                .query(Long.class)
                                .single()
                        == 1L);
        assertThat(jdbc.sql("select compensated from delivery where order_id = :id")
                        .param("id", orderId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void riderPositionsGiveTheShopperALiveEtaAndAnEtaPastThePromiseCompensatesEarly() {
        placeOrder(Instant.now().minus(20, ChronoUnit.MINUTES));

        // 5 km left at 250 m/min = 20 more minutes, 11 past the promise
        var update = api.post(
                "/admin/v1/supply/deliveries/" + orderId + "/rider-position",
                operator,
                "{\"riderId\": \"r-7\", \"lat\": 31.22, \"lon\": 121.54, \"remainingMetres\": 5000}");
        assertThat(update.status()).as(update.body()).isEqualTo(200);
        assertThat(update.json().get("late").asBoolean()).isTrue();

        var mine = api.get("/api/v1/supply/deliveries/me/" + orderId, TestTokens.shopper(user));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("riderLat").asDouble()).isEqualTo(31.22);
        Instant eta = Instant.parse(mine.json().get("eta").asString());
        assertThat(eta)
                .isBetween(
                        Instant.now().plus(19, ChronoUnit.MINUTES),
                        Instant.now().plus(21, ChronoUnit.MINUTES));

        var event = kafka.await(Topics.SUPPLY, e -> user.equals(e.subject()) && e.holds(DeliveryLate.class), 1, TIMEOUT)
                .get(0);
        assertThat(((DeliveryLate) event.data()).minutesLate()).isBetween(10L, 12L);

        // another shopper cannot see it
        assertThat(api.get("/api/v1/supply/deliveries/me/" + orderId, TestTokens.shopper("someone-else"))
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'delivery.rider-position' and target = :id")
                        .param("id", orderId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void badPositionsAndMissingRolesAreRejected() {
        placeOrder(Instant.now());
        var bad = api.post(
                "/admin/v1/supply/deliveries/" + orderId + "/rider-position",
                operator,
                "{\"riderId\": \"r-7\", \"lat\": 91, \"lon\": 121.54, \"remainingMetres\": 100}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("lat");
        assertThat(api.post(
                                "/admin/v1/supply/deliveries/" + orderId + "/rider-position",
                                TestTokens.shopper(user),
                                "{\"riderId\": \"r-7\", \"lat\": 1, \"lon\": 1, \"remainingMetres\": 100}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/supply/deliveries/me/" + orderId, null).status())
                .isEqualTo(401);
        assertThat(api.post(
                                "/admin/v1/supply/deliveries/never-" + orderId + "/rider-position",
                                operator,
                                "{\"riderId\": \"r-7\", \"lat\": 1, \"lon\": 1, \"remainingMetres\": 100}")
                        .status())
                .isEqualTo(404);
    }

    private long deliveries() {
        return jdbc.sql("select count(*) from delivery where order_id = :id")
                .param("id", orderId)
                .query(Long.class)
                .single();
    }
}
