package com.freshloop.recommendation.purchases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.PageViewed;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class RecommendationsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StringRedisTemplate redis;

    ApiClient api;
    KafkaTestClient kafka;
    String user;
    String run;
    Instant now;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID();
        run = UUID.randomUUID().toString().substring(0, 8);
        now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void repeatItemsComeFirstByPurchasesThenRecencyFollowedByPopularItemsNotYetBought() {
        String milk = sku("milk"), eggs = sku("eggs"), bread = sku("bread");
        String watermelon = sku("watermelon"), cherries = sku("cherries");
        for (int i = 0; i < 3; i++) {
            kafka.publish(order("other-" + run + "-" + i, daysAgo(2), line(watermelon, "watermelon", 1)));
        }
        kafka.publish(
                order("other-" + run + "-0", daysAgo(2), line(cherries, "cherries", 2), line(milk, "whole milk", 1)));
        kafka.publish(order(user, daysAgo(10), line(milk, "whole milk", 1), line(eggs, "free-range eggs", 1)));
        kafka.publish(order(user, daysAgo(5), line(milk, "whole milk", 2), line(eggs, "free-range eggs", 1)));
        kafka.publish(order(user, daysAgo(3), line(milk, "whole milk", 1), line(eggs, "free-range eggs", 1)));
        kafka.publish(order(user, daysAgo(4), line(eggs, "free-range eggs", 1)));
        kafka.publish(order(user, daysAgo(1), line(bread, "sourdough", 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = api.get("/api/v1/recommendations/me?limit=50", TestTokens.shopper(user));
            assertThat(response.status()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            assertThat(response.json().get("userId").asString()).isEqualTo(user);
            assertThat(skus(items).subList(0, 3)).containsExactly(eggs, milk, bread);
            assertThat(skus(items)).containsSubsequence(watermelon, cherries);
        });

        JsonNode items = api.get("/api/v1/recommendations/me?limit=50", TestTokens.shopper(user))
                .json()
                .get("items");
        assertThat(items.get(0).get("strategy").asString()).isEqualTo("repurchase");
        assertThat(items.get(0).get("reason").asString())
                .isEqualTo("you bought free-range eggs 4 times, last 3 days ago");
        assertThat(items.get(1).get("reason").asString()).isEqualTo("you bought whole milk 3 times, last 3 days ago");
        assertThat(items.get(2).get("reason").asString()).isEqualTo("you bought sourdough yesterday");
        for (int i = 3; i < items.size(); i++) {
            assertThat(items.get(i).get("strategy").asString()).isEqualTo("popular");
            assertThat(items.get(i).get("reason").asString()).isEqualTo("popular with other shoppers");
            assertThat(items.get(i).get("sku").asString()).isNotIn(milk, eggs, bread);
        }

        var limited = api.get("/api/v1/recommendations/me?limit=2", TestTokens.shopper(user));
        assertThat(skus(limited.json().get("items"))).containsExactly(eggs, milk);
    }

    @Test
    void newShopperGetsPopularItemsOnly() {
        String popular = sku("bananas");
        kafka.publish(order("other-" + run, now, line(popular, "bananas", 6)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/admin/v1/recommendations/popular?limit=100", TestTokens.operator("ops"))
                        .body()
                        .contains(popular));

        var response = api.get("/api/v1/recommendations/me?limit=3", TestTokens.shopper(user));
        assertThat(response.status()).isEqualTo(200);
        JsonNode items = response.json().get("items");
        assertThat(items).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        for (JsonNode item : items) {
            assertThat(item.get("strategy").asString()).isEqualTo("popular");
            assertThat(item.get("reason").asString()).isEqualTo("popular with other shoppers");
        }
    }

    @Test
    void operatorsSeeTheMostOrderedItems() {
        String top = sku("top"), second = sku("second");
        for (int i = 0; i < 50; i++) {
            kafka.publish(order("u-" + run + "-" + i, now, line(top, "top seller", 1), line(second, "runner up", 1)));
        }
        kafka.publish(order("u-" + run, now, line(top, "top seller", 1)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = api.get("/admin/v1/recommendations/popular?limit=2", TestTokens.operator("ops"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(skus(response.json())).containsExactly(top, second);
            assertThat(response.json().get(0).get("orders").asLong()).isEqualTo(51);
            assertThat(response.json().get(0).get("name").asString()).isEqualTo("top seller");
        });
        // ... and the gateway's fallback list in Redis follows
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String published = redis.opsForValue().get("freshloop:recommendations:popular");
            assertThat(published).isNotNull();
            JsonNode list =
                    tools.jackson.databind.json.JsonMapper.builder().build().readTree(published);
            assertThat(list.get(0).get("sku").asString()).isEqualTo(top);
            assertThat(list.get(0).get("name").asString()).isEqualTo("top seller");
            assertThat(list.get(1).get("sku").asString()).isEqualTo(second);
        });
    }

    @Test
    void redeliveredOrderIsCountedOnceAndOtherBehaviourIsIgnored() {
        String kale = sku("kale");
        EventEnvelope<OrderPlaced> placed = order(user, now, line(kale, "kale", 2));
        EventEnvelope<PageViewed> viewed =
                EventEnvelope.of("gateway-service", user, now, new PageViewed("product", kale, "greens"));
        kafka.publish(placed);
        kafka.publish(placed);
        kafka.publish(viewed);
        String marker = sku("marker");
        kafka.publish(order(user, now, line(marker, "marker", 1)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/recommendations/me", TestTokens.shopper(user))
                        .body()
                        .contains(marker));
        assertThat(jdbc.sql("select purchases * 1000 + units from user_item where user_id = :user and sku = :sku")
                        .param("user", user)
                        .param("sku", kale)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1002);
        assertThat(jdbc.sql("select orders from item_popularity where sku = :sku")
                        .param("sku", kale)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(processed(placed.id())).isEqualTo(1L);
        assertThat(processed(viewed.id())).isZero();
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        kafka.publishRaw(Topics.BEHAVIOUR, user, "{\"not\":\"an order of " + user + "\"}");
        String after = sku("after-poison");
        kafka.publish(order(user, now, line(after, "after poison", 1)));

        kafka.awaitRaw(Topics.deadLetter(Topics.BEHAVIOUR), user, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/recommendations/me", TestTokens.shopper(user))
                        .body()
                        .contains(after));
    }

    @Test
    void badLimitIsAProblemNamingTheField() {
        for (String limit : List.of("0", "51", "lots")) {
            var response = api.get("/api/v1/recommendations/me?limit=" + limit, TestTokens.shopper(user));
            assertThat(response.status()).as("limit=" + limit).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("errors")).as(response.body()).isNotNull();
            assertThat(response.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("limit");
        }
        var admin = api.get("/admin/v1/recommendations/popular?limit=0", TestTokens.operator("ops"));
        assertThat(admin.status()).isEqualTo(400);
        assertThat(admin.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
    }

    @Test
    void recommendationsNeedATokenAndPopularNeedsTheOperatorRole() {
        assertThat(api.get("/api/v1/recommendations/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/recommendations/me", TestTokens.forged(user))
                        .status())
                .isEqualTo(401);
        assertThat(api.get("/admin/v1/recommendations/popular", null).status()).isEqualTo(401);
        var forbidden = api.get("/admin/v1/recommendations/popular", TestTokens.shopper(user));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/recommendations/popular", TestTokens.operator("ops"))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void apiIsDocumentedWithoutAToken() {
        var docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/recommendations/me")).isTrue();
        assertThat(docs.json().get("paths").has("/admin/v1/recommendations/popular"))
                .isTrue();
    }

    private long processed(UUID eventId) {
        return jdbc.sql("select count(*) from processed_event where event_id = :id and consumer = :consumer")
                .param("id", eventId)
                .param("consumer", PurchaseHistory.CONSUMER)
                .query(Long.class)
                .single();
    }

    private String sku(String name) {
        return name + "-" + run;
    }

    private Instant daysAgo(int days) {
        return now.minus(Duration.ofDays(days));
    }

    private static List<String> skus(JsonNode items) {
        List<String> skus = new ArrayList<>();
        items.forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }

    private static OrderPlaced.Line line(String sku, String name, int quantity) {
        return new OrderPlaced.Line(sku, name, "grocery", quantity, new BigDecimal("9.90"));
    }

    private static EventEnvelope<OrderPlaced> order(String user, Instant time, OrderPlaced.Line... lines) {
        BigDecimal total = Arrays.stream(lines)
                .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return EventEnvelope.of(
                "gateway-service",
                user,
                time,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        "sh-pudong",
                        List.of(lines),
                        total,
                        BigDecimal.ZERO,
                        total,
                        "wechat",
                        null));
    }
}
