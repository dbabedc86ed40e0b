package com.freshloop.recommendation.serving;

import static com.freshloop.recommendation.TestEvents.line;
import static com.freshloop.recommendation.TestEvents.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** With Redis unreachable the service keeps serving: popular items, and the breaker opens. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.data.redis.port=1",
            "freshloop.recommendation.serving.popular-refresh=PT0.5S",
        })
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class FallbackIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    StateStore state;

    @Test
    void withoutRedisShoppersGetPopularItemsAndEventsStillFlow() {
        ApiClient api = ApiClient.local(port);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String user = "u-" + run;
        try (KafkaTestClient kafka = new KafkaTestClient(bootstrapServers)) {
            // a cart event fails to reach Redis and must not stop the consumer
            kafka.publish(EventEnvelope.of(
                    "gateway-service", user, Instant.now(), new CartItemAdded("kale", "greens", 1, BigDecimal.ONE)));
            for (int i = 0; i < 3; i++) {
                kafka.publish(order("o-" + run + "-" + i, Instant.now(), "sh", line("bananas-" + run, "bananas")));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode response = api.get("/api/v1/recommendations/me?limit=5", TestTokens.shopper(user))
                    .json();
            assertThat(response.get("fallback").asBoolean()).isTrue();
            assertThat(response.get("items")).isNotEmpty();
            JsonNode first = response.get("items").get(0);
            assertThat(first.get("sku").asString()).isEqualTo("bananas-" + run);
            assertThat(first.get("strategy").asString()).isEqualTo("popular");
            assertThat(first.get("reason").asString()).isEqualTo("popular with other shoppers");
        });

        for (int i = 0; i < 10; i++) {
            assertThat(api.get("/api/v1/recommendations/me?context=cart", TestTokens.shopper(user))
                            .status())
                    .isEqualTo(200);
        }
        assertThat(state.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        // with the breaker open the answer comes from memory without trying Redis
        var open = api.get("/api/v1/recommendations/me", TestTokens.shopper(user));
        assertThat(open.json().get("fallback").asBoolean()).isTrue();
        assertThat(state.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
