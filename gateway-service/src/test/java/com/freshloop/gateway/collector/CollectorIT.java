package com.freshloop.gateway.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.CartItemAdded;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, RedisInfrastructure.class})
class CollectorIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    ApiClient api;
    KafkaTestClient kafka;
    String user;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        user = "u-" + UUID.randomUUID();
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void validBatchIsWrittenToTheBehaviourTopicAsTheCallersEvents() {
        String id1 = UUID.randomUUID().toString();
        String id2 = UUID.randomUUID().toString();
        var response = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[
                  {"id":"%s","type":"cart.item_added","time":"2026-03-01T08:00:00Z",
                   "data":{"sku":"milk-1l","category":"dairy","quantity":2,"unitPrice":12.5}},
                  {"id":"%s","type":"page.viewed","time":"2026-03-01T07:59:00Z","data":{"page":"home"}}
                ]}""".formatted(id1, id2));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        List<EventEnvelope<EventData>> events =
                kafka.await(Topics.BEHAVIOUR, e -> user.equals(e.subject()), 2, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.id().toString()).containsExactlyInAnyOrder(id1, id2);
        assertThat(events).allSatisfy(e -> assertThat(e.source()).isEqualTo("app"));
        assertThat(events.stream()
                        .filter(e -> e.holds(CartItemAdded.class))
                        .findFirst()
                        .orElseThrow()
                        .data())
                .isEqualTo(new CartItemAdded("milk-1l", "dairy", 2, new java.math.BigDecimal("12.5")));
    }

    @Test
    void malformedBatchIsRejectedWholeNamingTheFieldAndNothingReachesKafka() {
        String marker = "sku-" + UUID.randomUUID();
        var response = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[
                  {"id":"%s","type":"cart.item_added","time":"2026-03-01T08:00:00Z",
                   "data":{"sku":"%s","quantity":1,"unitPrice":1}},
                  {"id":"%s","type":"cart.item_added","time":"2026-03-01T08:00:00Z",
                   "data":{"sku":"x","quantity":0,"unitPrice":1}}
                ]}""".formatted(
                        UUID.randomUUID(), marker, UUID.randomUUID()));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("events[1].data.quantity");
        // a valid batch sent afterwards is on the topic, the rejected one is not
        var ok = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[{"id":"%s","type":"page.viewed","time":"2026-03-01T08:00:00Z","data":{"page":"home"}}]}""".formatted(UUID.randomUUID()));
        assertThat(ok.status()).isEqualTo(202);
        var seen = kafka.await(Topics.BEHAVIOUR, e -> user.equals(e.subject()), 1, Duration.ofSeconds(30));
        assertThat(seen).noneMatch(e -> e.data().toString().contains(marker));
    }

    @Test
    void rejectsOtherUsersEventsUnknownTypesAndNonJson() {
        var otherUser = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[{"id":"%s","type":"page.viewed","subject":"victim","time":"2026-03-01T08:00:00Z",
                  "data":{"page":"home"}}]}""".formatted(UUID.randomUUID()));
        assertThat(otherUser.status()).isEqualTo(400);
        assertThat(otherUser.json().get("errors").get(0).get("field").asString())
                .isEqualTo("events[0].subject");

        var notBehaviour = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[{"id":"%s","type":"coupon.redeemed","time":"2026-03-01T08:00:00Z",
                  "data":{"couponId":"c","orderId":"o"}}]}""".formatted(UUID.randomUUID()));
        assertThat(notBehaviour.status()).isEqualTo(400);
        assertThat(notBehaviour.json().get("errors").get(0).get("field").asString())
                .isEqualTo("events[0].type");

        var notJson = api.post("/api/v1/events", TestTokens.shopper(user), "{events: nope");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();

        var empty = api.post("/api/v1/events", TestTokens.shopper(user), "{\"events\":[]}");
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void aReplayedBatchIsAcceptedAsDuplicatesAndWritesNothingNew() {
        String id = UUID.randomUUID().toString();
        String batch = """
                {"events":[{"id":"%s","type":"page.viewed","time":"2026-03-01T08:00:00Z","data":{"page":"home"}}]}""".formatted(id);
        var first = api.post("/api/v1/events", TestTokens.shopper(user), batch);
        var replay = api.post("/api/v1/events", TestTokens.shopper(user), batch);
        assertThat(first.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(replay.status()).isEqualTo(202);
        assertThat(replay.json().get("accepted").asInt()).isZero();
        assertThat(replay.json().get("duplicates").asInt()).isEqualTo(1);
        var marker = api.post("/api/v1/events", TestTokens.shopper(user), """
                {"events":[{"id":"%s","type":"page.viewed","time":"2026-03-01T08:00:01Z","data":{"page":"marker"}}]}""".formatted(UUID.randomUUID()));
        assertThat(marker.status()).isEqualTo(202);
        var seen = kafka.await(Topics.BEHAVIOUR, e -> user.equals(e.subject()), 2, Duration.ofSeconds(30));
        assertThat(seen).extracting(e -> e.id().toString()).containsOnlyOnce(id);
        assertThat(first.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void operatorsFeedWeatherAndHolidaysPerRegionToTheContextTopic() {
        String region = "r-" + UUID.randomUUID();
        var fed = api.post("/admin/v1/context/events", TestTokens.operator("ops"), """
                {"events":[
                  {"id":"%s","type":"weather.observed","time":"2026-07-01T06:00:00Z",
                   "data":{"region":"%s","date":"2026-07-01","temperatureC":35.5,"condition":"sunny"}},
                  {"id":"%s","type":"holiday.declared","time":"2026-07-01T00:00:00Z",
                   "data":{"region":"%s","date":"2026-10-01","name":"National Day"}}
                ]}""".formatted(
                        UUID.randomUUID(), region, UUID.randomUUID(), region));
        assertThat(fed.status()).as(fed.body()).isEqualTo(202);
        assertThat(kafka.await(Topics.CONTEXT, e -> region.equals(e.subject()), 2, Duration.ofSeconds(30)))
                .hasSize(2);
        var notAShopperThing = api.post("/admin/v1/context/events", TestTokens.shopper(user), "{\"events\":[]}");
        assertThat(notAShopperThing.status()).isEqualTo(403);
        var behaviourOnContext =
                api.post("/admin/v1/context/events", TestTokens.operator("ops"), """
                {"events":[{"id":"%s","type":"page.viewed","time":"2026-03-01T08:00:00Z","data":{"page":"home"}}]}""".formatted(UUID.randomUUID()));
        assertThat(behaviourOnContext.status()).isEqualTo(400);
        var hot = api.post("/admin/v1/context/events", TestTokens.operator("ops"), """
                {"events":[{"id":"%s","type":"weather.observed","time":"2026-07-01T06:00:00Z",
                   "data":{"region":"x","date":"2026-07-01","temperatureC":99,"condition":"sunny"}}]}""".formatted(UUID.randomUUID()));
        assertThat(hot.json().get("errors").get(0).get("field").asString()).isEqualTo("events[0].data.temperatureC");
    }

    @Test
    void collectorNeedsAShopperToken() {
        assertThat(api.post("/api/v1/events", null, "{\"events\":[]}").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/events", TestTokens.forged(user), "{\"events\":[]}")
                        .status())
                .isEqualTo(401);
        assertThat(api.post("/api/v1/events", TestTokens.operator("ops"), "{\"events\":[]}")
                        .status())
                .isEqualTo(403);
    }
}
