package com.freshloop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.events.behaviour.v1.SearchPerformed;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** Events on the platform's topics, through Kafka and ClickHouse, out of the operator API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
class MetricsIngestionIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    Api api;
    KafkaTestClient kafka;

    final String user = "user-" + UUID.randomUUID();
    final String operator = TestTokens.operator("ops-" + UUID.randomUUID());

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
    void eventsOfEveryTopicBecomeCountableOnceEach() {
        Instant now = Instant.now();
        EventEnvelope<PageViewed> viewed =
                EventEnvelope.of("gateway-service", user, now, new PageViewed("/home", null, null));
        kafka.publish(viewed);
        kafka.publish(EventEnvelope.of("gateway-service", user, now, new PageViewed("/fruit", null, "fruit")));
        kafka.publish(EventEnvelope.of("gateway-service", user, now, new SearchPerformed("eggs", 12)));
        kafka.publish(EventEnvelope.of(
                "stream-jobs",
                user,
                now,
                new TagAssigned("active-hour:08", 0.9, now.plusSeconds(86_400), "active-hours")));
        kafka.publish(viewed); // a redelivery, as a producer retry would cause

        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(count("subject=" + encode(user))).isEqualTo(4));
        assertThat(count("subject=" + encode(user) + "&type=page.viewed")).isEqualTo(2);
        assertThat(count("subject=" + encode(user) + "&type=tag.assigned")).isEqualTo(1);
        assertThat(count("subject=" + encode(user) + "&from=" + now.plusSeconds(3600)))
                .isZero();

        JsonNode types = api.get("/admin/v1/metrics/events/types", operator).body();
        assertThat(types.path("types").findValuesAsString("type")).contains("page.viewed", "tag.assigned");
    }

    @Test
    void aShopperSeesOnlyTheirOwnActivity() {
        String someoneElse = "user-" + UUID.randomUUID();
        Instant now = Instant.now();
        kafka.publish(EventEnvelope.of("gateway-service", user, now, new SearchPerformed("milk", 3)));
        kafka.publish(EventEnvelope.of("gateway-service", someoneElse, now, new SearchPerformed("bread", 5)));
        kafka.publish(EventEnvelope.of("gateway-service", someoneElse, now, new PageViewed("/bread", null, null)));

        await().atMost(PATIENCE).untilAsserted(() -> {
            Api.Response mine = api.get("/api/v1/metrics/me/activity", TestTokens.shopper(user));
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.body().path("total").asLong()).isEqualTo(1);
            assertThat(mine.body().path("types").get(0).path("type").asString()).isEqualTo("search.performed");
        });
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api.get("/api/v1/metrics/me/activity", TestTokens.shopper(someoneElse))
                                .body()
                                .path("total")
                                .asLong())
                        .isEqualTo(2));
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        String garbage = "not an event " + UUID.randomUUID();
        // Same key as the event after it: same partition, so the event is only stored if the
        // consumer gets past the garbage.
        kafka.publishRaw(Topics.BEHAVIOUR, user, garbage);
        kafka.publish(EventEnvelope.of("gateway-service", user, Instant.now(), order()));

        assertThat(kafka.awaitRaw(Topics.deadLetter(Topics.BEHAVIOUR), garbage, PATIENCE))
                .containsExactly(garbage);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(count("subject=" + encode(user) + "&type=order.placed"))
                        .isEqualTo(1));
    }

    private static OrderPlaced order() {
        BigDecimal total = new BigDecimal("12.90");
        return new OrderPlaced(
                "o-" + UUID.randomUUID(),
                "shanghai",
                List.of(new OrderPlaced.Line("egg-12", "Eggs, 12", "eggs", 1, total)),
                total,
                BigDecimal.ZERO,
                total,
                "wechat",
                null);
    }

    private long count(String query) {
        Api.Response response = api.get("/admin/v1/metrics/events/count?" + query, operator);
        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        return response.body().path("count").asLong();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
