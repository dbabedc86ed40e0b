package com.freshloop.supply.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.ReturnRequested;
import com.freshloop.events.supply.v1.RefundIssued;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "freshloop.outbox.retry-interval=PT1S")
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class ReturnsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    KafkaTestClient kafka;
    String user;
    String shopper;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID().toString().substring(0, 8);
        shopper = TestTokens.shopper(user);
        operator = TestTokens.operator("cs-" + user);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void aRequestedReturnIsPickedUpAndRefundedOnceWithARefundEvent() {
        EventEnvelope<ReturnRequested> request = EventEnvelope.of(
                "gateway-service", user, Instant.now(), new ReturnRequested("o-1", "eggs", 2, "two eggs were broken"));
        kafka.publish(request);
        kafka.publish(request);
        await().atMost(TIMEOUT)
                .until(() ->
                        api.get("/api/v1/supply/returns/me", shopper).json().size() == 1);
        String id = request.id().toString();
        var mine = api.get("/api/v1/supply/returns/me", shopper).json().get(0);
        assertThat(mine.get("id").asString()).isEqualTo(id);
        assertThat(mine.get("status").asString()).isEqualTo("requested");

        String pickupAt = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        var pickup = api.post(
                "/admin/v1/supply/returns/" + id + "/pickup", operator, "{\"pickupAt\": \"" + pickupAt + "\"}");
        assertThat(pickup.status()).as(pickup.body()).isEqualTo(200);
        assertThat(pickup.json().get("status").asString()).isEqualTo("pickup_scheduled");

        var refund = api.post("/admin/v1/supply/returns/" + id + "/refund", operator, "{\"amount\": 5.80}");
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.json().get("status").asString()).isEqualTo("refunded");
        var event = kafka.await(Topics.SUPPLY, e -> user.equals(e.subject()) && e.holds(RefundIssued.class), 1, TIMEOUT)
                .get(0);
        assertThat(event.data()).isEqualTo(new RefundIssued(id, "o-1", new BigDecimal("5.80")));

        assertThat(api.post("/admin/v1/supply/returns/" + id + "/refund", operator, "{\"amount\": 5.80}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void badInputUnknownReturnsAndRolesAreRejected() {
        String id = UUID.randomUUID().toString();
        var bad = api.post("/admin/v1/supply/returns/" + id + "/refund", operator, "{\"amount\": -1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("amount");
        assertThat(api.post("/admin/v1/supply/returns/" + id + "/refund", operator, "{\"amount\": 1}")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/admin/v1/supply/returns/" + id + "/refund", shopper, "{\"amount\": 1}")
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/supply/returns/me", null).status()).isEqualTo(401);
    }
}
