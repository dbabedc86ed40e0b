package com.freshloop.supply.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.events.supply.v1.StockedOut;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
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
class InventoryIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String sku;
    String region;
    String operatorName;
    String operator;
    String shopper;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        String run = UUID.randomUUID().toString().substring(0, 8);
        sku = "egg-" + run;
        region = "sh-pudong";
        operatorName = "planner-" + run;
        operator = TestTokens.operator(operatorName);
        shopper = TestTokens.shopper("u-" + run);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void operatorSetsStockShoppersSeeItAndTheReplenishmentReachesTheSupplyTopic() {
        var set = setStock(sku, region, 40);
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("onHand").asInt()).isEqualTo(40);

        var availability = availability(sku, region);
        assertThat(availability.status()).isEqualTo(200);
        assertThat(availability.json().get("sku").asString()).isEqualTo(sku);
        assertThat(availability.json().get("region").asString()).isEqualTo(region);
        assertThat(availability.json().get("onHand").asInt()).isEqualTo(40);
        assertThat(availability.json().get("available").asBoolean()).isTrue();

        var event = kafka.await(Topics.SUPPLY, about(sku, region, StockReplenished.class), 1, TIMEOUT)
                .get(0);
        assertThat(event.source()).isEqualTo("supply-service");
        assertThat(event.data()).isEqualTo(new StockReplenished(sku, region, 40, 40, false));
        await().atMost(TIMEOUT).until(() -> incompleteOutboxEntries() == 0);

        assertThat(jdbc.sql("select actor, action, target, detail ->> 'onHand' from audit_log where target = :t")
                        .param("t", sku + ":" + region)
                        .query((rs, i) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        .list())
                .containsExactly(List.of(operatorName, "inventory.set", sku + ":" + region, "40"));
    }

    @Test
    void droppingToZeroIsAStockOutAndRefillingFromZeroIsBackInStock() {
        setStock(sku, region, 5);
        setStock(sku, region, 0);
        assertThat(availability(sku, region).json().get("available").asBoolean())
                .isFalse();
        setStock(sku, region, 12);

        kafka.await(Topics.SUPPLY, about(sku, region, StockedOut.class), 1, TIMEOUT);
        var replenished = kafka.await(Topics.SUPPLY, about(sku, region, StockReplenished.class), 2, TIMEOUT).stream()
                .map(EventEnvelope::data)
                .toList();
        assertThat(replenished)
                .containsExactlyInAnyOrder(
                        new StockReplenished(sku, region, 5, 5, false),
                        new StockReplenished(sku, region, 12, 12, true));
    }

    @Test
    void anOrderTakesItsUnitsOffItsRegionNeverBelowZeroAndAnEmptiedSkuIsStockedOut() {
        String milk = "milk-" + sku;
        setStock(sku, region, 10);
        setStock(milk, region, 2);
        setStock(sku, "bj-chaoyang", 10);

        kafka.publish(order("u-1", region, line(sku, 3), line(milk, 5), line("unknown-" + sku, 1), line(sku, 1)));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(availability(sku, region).json().get("onHand").asInt()).isEqualTo(6);
            assertThat(availability(milk, region).json().get("onHand").asInt()).isZero();
        });
        assertThat(availability(sku, "bj-chaoyang").json().get("onHand").asInt())
                .isEqualTo(10);
        assertThat(availability("unknown-" + sku, region).status()).isEqualTo(404);
        kafka.await(Topics.SUPPLY, about(milk, region, StockedOut.class), 1, TIMEOUT);
    }

    @Test
    void aRedeliveredOrderIsAppliedOnce() {
        setStock(sku, region, 10);
        EventEnvelope<OrderPlaced> order = order("u-2", region, line(sku, 4));
        kafka.publish(order);
        kafka.publish(order);
        // same key, same partition: once the marker is applied, both copies have been consumed
        String marker = "marker-" + sku;
        setStock(marker, region, 1);
        kafka.publish(order("u-2", region, line(marker, 1)));

        await().atMost(TIMEOUT)
                .until(() -> availability(marker, region).json().get("onHand").asInt() == 0);
        assertThat(availability(sku, region).json().get("onHand").asInt()).isEqualTo(6);
        // other features (demand history, fulfilment) consume the same order under their own names
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id and consumer = :consumer")
                        .param("id", order.id())
                        .param("consumer", Inventory.ORDERS_CONSUMER)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aFailedSendIsRetriedWithTheSameEventIdUntilItIsAcknowledged() {
        setStock(sku, region, 7);
        UUID id = kafka.await(Topics.SUPPLY, about(sku, region, StockReplenished.class), 1, TIMEOUT)
                .get(0)
                .id();
        await().atMost(TIMEOUT).until(() -> incompleteOutboxEntries() == 0);

        // what the outbox records when the broker cannot be reached
        int failed = jdbc.sql("""
                        update event_publication set status = 'FAILED', completion_date = null
                         where serialized_event like :id
                        """).param("id", "%" + id + "%").update();
        assertThat(failed).isEqualTo(1);

        kafka.await(Topics.SUPPLY, event -> event.id().equals(id), 2, TIMEOUT);
        await().atMost(TIMEOUT).until(() -> incompleteOutboxEntries() == 0);
        // once acknowledged it is not sent again
        assertThatThrownBy(() -> kafka.await(Topics.SUPPLY, event -> event.id().equals(id), 3, Duration.ofSeconds(4)))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void unknownSkuIsNotFound() {
        var response = availability("never-" + sku, region);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        assertBadRequest(setStock(sku, region, -1), "onHand");
        assertBadRequest(api.put(path(sku, region), operator, "{}"), "onHand");
        assertBadRequest(setStock("bad sku!", region, 1), "sku");
        assertBadRequest(api.get("/api/v1/supply/availability?sku=" + sku, shopper), "region");
        assertBadRequest(api.get("/api/v1/supply/availability?sku=a:b&region=" + region, shopper), "sku");
        var unreadable = api.put(path(sku, region), operator, "{\"onHand\": \"many\"}");
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.isProblem()).isTrue();
    }

    @Test
    void availabilityNeedsATokenAndInventoryUpdatesNeedTheOperatorRole() {
        assertThat(api.get("/api/v1/supply/availability?sku=" + sku + "&region=" + region, null)
                        .status())
                .isEqualTo(401);
        assertThat(api.put(path(sku, region), null, "{\"onHand\": 1}").status()).isEqualTo(401);
        var forbidden = api.put(path(sku, region), shopper, "{\"onHand\": 1}");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(availability(sku, region).status()).isEqualTo(404);
    }

    private void assertBadRequest(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.isProblem()).as(response.body()).isTrue();
        assertThat(response.json().path("errors").findValuesAsString("field"))
                .as(response.body())
                .contains(field);
    }

    private long incompleteOutboxEntries() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null")
                .query(Long.class)
                .single();
    }

    private ApiClient.Response setStock(String sku, String region, int onHand) {
        return api.put(path(sku, region), operator, "{\"onHand\": " + onHand + "}");
    }

    private ApiClient.Response availability(String sku, String region) {
        return api.get("/api/v1/supply/availability?sku=" + sku + "&region=" + region, shopper);
    }

    private static String path(String sku, String region) {
        return "/admin/v1/supply/inventory/" + sku.replace(" ", "%20") + "/" + region;
    }

    private static Predicate<EventEnvelope<EventData>> about(
            String sku, String region, Class<? extends EventData> type) {
        return event -> (sku + ":" + region).equals(event.subject()) && event.holds(type);
    }

    private static OrderPlaced.Line line(String sku, int quantity) {
        return new OrderPlaced.Line(sku, sku, "dairy", quantity, new BigDecimal("4.50"));
    }

    private static EventEnvelope<OrderPlaced> order(String user, String region, OrderPlaced.Line... lines) {
        BigDecimal total = new BigDecimal("4.50").multiply(BigDecimal.valueOf(lines.length));
        return EventEnvelope.of(
                "gateway-service",
                user,
                Instant.now(),
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
