package com.freshloop.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.LocalServers;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The walking skeleton of the loop, through the gateway only, against the platform started by
 * {@code ./freshloop up}: behaviour in, a tag computed by the Flink job out in the profile, and
 * every event countable in ClickHouse.
 */
class LoopSkeletonE2E {

    static final String GATEWAY = LocalServers.get("FRESHLOOP_GATEWAY_URL", "http://localhost:8080");
    static final Duration WITHIN = Duration.ofSeconds(60);

    final ApiClient gateway = new ApiClient(GATEWAY);
    String user;
    String shopperToken;
    String operatorToken;

    @BeforeEach
    void setUp() {
        String secret = LocalServers.require("FRESHLOOP_JWT_SECRET");
        user = "e2e-" + UUID.randomUUID();
        shopperToken = TestTokens.sign(user, "shopper", secret, Duration.ofHours(1));
        operatorToken = TestTokens.sign("e2e-operator", "operator", secret, Duration.ofHours(1));
    }

    @Test
    void behaviourThroughTheGatewayBecomesATagInTheProfileAndRowsInClickHouse() {
        // browsing through the last full hour in Shanghai (UTC+8), as the app would send it: recent, because
        // tags derived from activity expire and the jobs drop events more than a day behind the watermark
        // (which other shoppers' current events move forward)
        Instant evening =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.HOURS).minus(Duration.ofHours(1));
        int hour = evening.atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour();
        List<String> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add("""
                    {"id":"%s","type":"page.viewed","time":"%s","data":{"page":"product","sku":"eggs-12","category":"eggs"}}""".formatted(UUID.randomUUID(), evening.plusSeconds(i * 500L)));
        }
        events.add("""
                {"id":"%s","type":"cart.item_added","time":"%s","data":{"sku":"eggs-12","category":"eggs","quantity":1,"unitPrice":18.9}}""".formatted(UUID.randomUUID(), evening.plusSeconds(3100)));
        var accepted = postEvents("{\"events\":[" + String.join(",", events) + "]}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.json().get("accepted").asInt()).isEqualTo(events.size());

        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var profile = gateway.get("/api/v1/profile/me", shopperToken);
            assertThat(profile.status()).as(profile.body()).isEqualTo(200);
            assertThat(tags(profile.json())).contains("active_hour:%02d".formatted(hour));
        });

        // the collected behaviour, and the tag the job derived from it, are all in ClickHouse
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(count("page.viewed")).isEqualTo(6);
            assertThat(count("cart.item_added")).isEqualTo(1);
            assertThat(count("tag.assigned")).isPositive();
        });
    }

    @Test
    void malformedBatchIsRejectedWithTheFieldNamedAndNothingIsStored() {
        var rejected =
                gateway.post("/api/v1/events", shopperToken, """
                {"events":[
                  {"id":"%s","type":"page.viewed","time":"2026-03-01T12:00:00Z","data":{"page":"home"}},
                  {"id":"%s","type":"cart.item_added","time":"2026-03-01T12:00:00Z","data":{"sku":"","quantity":1,"unitPrice":1}}
                ]}""".formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.isProblem()).isTrue();
        assertThat(rejected.json().get("errors").get(0).get("field").asString()).isEqualTo("events[1].data.sku");

        // a later valid event is stored; the rejected batch never is
        var ok = postEvents("""
                {"events":[{"id":"%s","type":"page.viewed","time":"2026-03-01T12:00:00Z","data":{"page":"home"}}]}""".formatted(UUID.randomUUID()));
        assertThat(ok.status()).isEqualTo(202);
        await().atMost(WITHIN)
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(
                        () -> assertThat(gateway.get("/admin/v1/metrics/events/count?subject=" + user, operatorToken)
                                        .json()
                                        .get("count")
                                        .asLong())
                                .isEqualTo(1));
    }

    @Test
    void withoutATokenItIs401AndAShopperOnAnAdminApiIs403() {
        assertThat(gateway.get("/api/v1/profile/me", null).status()).isEqualTo(401);
        var forbidden = gateway.get("/admin/v1/metrics/events/count", shopperToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
    }

    @Test
    void everyServiceAnswersThroughTheGateway() {
        for (String path : List.of(
                "/api/v1/profile/me",
                "/api/v1/recommendations/me",
                "/api/v1/marketing/me/coupons",
                "/api/v1/membership/me",
                "/api/v1/metrics/me/activity")) {
            var response = gateway.get(path, shopperToken);
            assertThat(response.status()).as(path + " -> " + response.body()).isEqualTo(200);
        }
        var supply = gateway.get("/api/v1/supply/availability?sku=none&region=none", shopperToken);
        assertThat(supply.status()).as(supply.body()).isEqualTo(404);
        assertThat(supply.isProblem()).isTrue();
    }

    /** Events of this test's user of one type, as counted by metrics-service in ClickHouse. */
    private long count(String type) {
        var response = gateway.get("/admin/v1/metrics/events/count?subject=" + user + "&type=" + type, operatorToken);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("count").asLong();
    }

    /** Posts a batch like the app does: resent as is after Retry-After on 429 and 503. */
    private ApiClient.Response postEvents(String batch) {
        ApiClient.Response response = gateway.post("/api/v1/events", shopperToken, batch);
        for (int attempt = 0; attempt < 5 && (response.status() == 429 || response.status() == 503); attempt++) {
            String retryAfter = response.header("Retry-After");
            sleep(Duration.ofSeconds(retryAfter == null ? 2 : Long.parseLong(retryAfter)));
            response = gateway.post("/api/v1/events", shopperToken, batch);
        }
        return response;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> tags(JsonNode profile) {
        List<String> tags = new ArrayList<>();
        profile.get("tags").forEach(t -> tags.add(t.get("tag").asString()));
        return tags;
    }
}
