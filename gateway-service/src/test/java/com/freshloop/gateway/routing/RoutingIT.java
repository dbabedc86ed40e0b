package com.freshloop.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Routes against a stand-in upstream HTTP server that echoes what it received. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, RedisInfrastructure.class})
class RoutingIT {

    static final AtomicInteger slowCalls = new AtomicInteger();

    static final HttpServer upstream = startUpstream();

    @LocalServerPort
    int port;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        String url = "http://localhost:" + upstream.getAddress().getPort();
        registry.add("freshloop.gateway.services.profile-service.uri", () -> url);
        registry.add("freshloop.gateway.response-timeout", () -> "1s");
        // nothing listens here: the circuit breaker's fallback answers
        registry.add("freshloop.gateway.services.supply-service.uri", () -> "http://localhost:1");
        registry.add("freshloop.gateway.services.recommendation-service.uri", () -> "http://localhost:1");
    }

    @AfterAll
    static void stop() {
        upstream.stop(0);
    }

    @Test
    void shopperRequestIsRoutedWithItsTokenToTheOwningService() {
        String token = TestTokens.shopper("u-1");
        var response = ApiClient.local(port).get("/api/v1/profile/me", token, "X-Request-Id", "req-12345678");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("GET /api/v1/profile/me auth=Bearer " + token + " request=req-12345678");
        assertThat(response.header("X-Request-Id")).isEqualTo("req-12345678");
    }

    @Test
    void operatorPathsNeedTheOperatorRoleAtTheEdge() {
        var api = ApiClient.local(port);
        assertThat(api.get("/admin/v1/profile/users/u-1", null).status()).isEqualTo(401);
        var forbidden = api.get("/admin/v1/profile/users/u-1", TestTokens.shopper("u-1"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/profile/users/u-1", TestTokens.operator("ops"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void unavailableServiceAnswersWithAProblemFromTheFallback() {
        var response = ApiClient.local(port).get("/api/v1/supply/availability", TestTokens.shopper("u-1"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("service").asString()).isEqualTo("supply-service");
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGetsTheFallbackAndTheCallIsNotRetried() {
        slowCalls.set(0);
        var response = ApiClient.local(port).get("/api/v1/profile/slow", TestTokens.shopper("u-1"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("service").asString()).isEqualTo("profile-service");
        // a GET is retried when the connection fails, never when the service is merely slow
        assertThat(slowCalls.get()).isEqualTo(1);
    }

    @Test
    void shopperRecommendationsFallBackToThePublishedPopularItemsWhenTheServiceIsDown() {
        redis.opsForValue().set(PopularFallback.KEY, """
                        [{"sku":"eggs-12","name":"Eggs","category":"eggs"},\
                        {"sku":"milk-1l","name":"Milk","category":"dairy"}]""").block();
        var response =
                ApiClient.local(port).get("/api/v1/recommendations/me?context=cart&limit=1", TestTokens.shopper("u-7"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.header("X-Fallback")).isEqualTo("popular");
        JsonNode body = response.json();
        assertThat(body.get("fallback").asBoolean()).isTrue();
        assertThat(body.get("userId").asString()).isEqualTo("u-7");
        assertThat(body.get("context").asString()).isEqualTo("cart");
        assertThat(body.get("items")).hasSize(1);
        assertThat(body.get("items").get(0).get("sku").asString()).isEqualTo("eggs-12");
        assertThat(body.get("items").get(0).get("reason").asString()).isEqualTo(PopularFallback.REASON);

        // only the shopper's list has a fallback: the rest of the service answers with the problem
        var admin = ApiClient.local(port).get("/admin/v1/recommendations/popular", TestTokens.operator("ops"));
        assertThat(admin.status()).isEqualTo(503);
        assertThat(admin.isProblem()).isTrue();
    }

    @Test
    void withoutAPublishedPopularListTheRecommendationsFallbackIsAProblem() {
        redis.delete(PopularFallback.KEY).block();
        var response = ApiClient.local(port).get("/api/v1/recommendations/me", TestTokens.shopper("u-8"));
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("service").asString()).isEqualTo("recommendation-service");
    }

    @Test
    void unknownPathsAreDenied() {
        assertThat(ApiClient.local(port)
                        .get("/internal/secret", TestTokens.operator("ops"))
                        .status())
                .isIn(401, 403, 404);
    }

    private static HttpServer startUpstream() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/api/v1/profile/slow", exchange -> {
                slowCalls.incrementAndGet();
                try {
                    Thread.sleep(3_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.createContext("/", exchange -> {
                byte[] body = (exchange.getRequestMethod() + " " + exchange.getRequestURI() + " auth="
                                + exchange.getRequestHeaders().getFirst("Authorization") + " request="
                                + exchange.getRequestHeaders().getFirst("X-Request-Id"))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
