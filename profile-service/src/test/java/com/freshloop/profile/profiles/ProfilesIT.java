package com.freshloop.profile.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.CsMessage;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.behaviour.v1.ReviewPosted;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class ProfilesIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String run;
    final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void ordersThroughKafkaBuildTheProfileAndTheBatchScoresSegmentsAndClusters() {
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            String user = "p-" + run + "-" + u;
            users.add(user);
            int orders = 1 + u % 6;
            for (int o = 0; o < orders; o++) {
                // heavy buyers recently, light buyers long ago
                Instant at = now.minus(Duration.ofDays((30 - u) * 3L + o * 2L));
                kafka.publish(order(user, "o-" + user + "-" + o, at, 20 + u * 5, u % 3 == 0 ? "c-1" : null));
            }
        }
        String heavy = users.get(29);
        await().atMost(Duration.ofSeconds(45))
                .until(() -> jdbc.sql("select count(*) from user_order where user_id like :p")
                                .param("p", "p-" + run + "-%")
                                .query(Long.class)
                                .single()
                        == users.stream()
                                .mapToLong(u -> 1 + Integer.parseInt(u.substring(u.lastIndexOf('-') + 1)) % 6)
                                .sum());

        var batch = api.post("/admin/v1/profile/batch", TestTokens.operator("ops-" + run), "");
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        String runId = batch.json().get("id").asString();
        assertThat(batch.header("Location")).isEqualTo("/admin/v1/profile/batch/runs/" + runId);
        JsonNode finished = awaitRun(runId, "ops-" + run);
        assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("succeeded");
        assertThat(finished.get("result").get("users").asInt()).isGreaterThanOrEqualTo(30);
        assertThat(jdbc.sql("select count(*) from audit_log where actor = :a and action = 'profile.batch.run'")
                        .param("a", "ops-" + run)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        JsonNode me = api.get("/api/v1/profile/me", TestTokens.shopper(heavy)).json();
        assertThat(me.get("segment").asString()).isIn("Champions", "Loyal", "Potential loyalist");
        assertThat(me.get("rfm").asString()).startsWith("5-");
        assertThat(me.get("lifecycle").asString()).isEqualTo("active");
        assertThat(me.get("cluster").get("name").asString()).isNotBlank();

        JsonNode lapsed =
                api.get("/api/v1/profile/me", TestTokens.shopper(users.get(0))).json();
        assertThat(lapsed.get("lifecycle").asString()).isEqualTo("churned");
        assertThat(lapsed.get("rfm").asString()).startsWith("1-");

        JsonNode clusters = api.get("/admin/v1/profile/clusters", TestTokens.operator("ops"))
                .json();
        assertThat(clusters.get("k").asInt()).isBetween(3, 8);
        JsonNode sizes = api.get("/admin/v1/profile/segments", TestTokens.operator("ops"))
                .json();
        assertThat(sizes.get("segment").size()).isGreaterThan(1);
    }

    @Test
    void aShopperSilentFor30DaysMovesToSilentAndTheChangeIsPublished() {
        String user = "silent-" + run;
        kafka.publish(order(user, "o1-" + user, now.minus(Duration.ofDays(35)), 80, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "silent_30d"
                        .equals(api.get("/api/v1/profile/me", TestTokens.shopper(user))
                                .json()
                                .get("lifecycle")
                                .asString()));
        List<EventEnvelope<com.freshloop.events.EventData>> changes = kafka.await(
                Topics.PROFILE,
                e -> user.equals(e.subject())
                        && e.data() instanceof LifecycleStageChanged c
                        && c.to().equals("silent_30d"),
                1,
                Duration.ofSeconds(30));
        LifecycleStageChanged change = (LifecycleStageChanged) changes.get(0).data();
        assertThat(change.from()).isEqualTo("new");
        assertThat(change.lastOrderAt()).isEqualTo(now.minus(Duration.ofDays(35)));
    }

    @Test
    void aRedeliveredOrderCountsOnce() {
        String user = "dup-" + run;
        EventEnvelope<OrderPlaced> order = order(user, "o-" + user, now.minusSeconds(60), 50, null);
        kafka.publish(order);
        kafka.publish(order);
        kafka.publish(order(user, "marker-" + user, now, 10, null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from user_order where user_id = :u")
                                .param("u", user)
                                .query(Long.class)
                                .single()
                        == 2);
        assertThat(api.get("/api/v1/profile/me", TestTokens.shopper(user))
                        .json()
                        .get("orders")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void reviewsAndChatsBecomeAspectTagsAndPreferences() {
        String user = "text-" + run;
        kafka.publish(
                EventEnvelope.of("app", user, now, new ReviewPosted("o-" + user, null, 1, "配送太慢了，等了一个多小时，鸡蛋还碎了")));
        kafka.publish(EventEnvelope.of(
                "app", user, now, new CsMessage("chat-" + user, "The imported fruit was great, love the cherries")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<String> tags = new ArrayList<>();
            api.get("/api/v1/profile/me", TestTokens.shopper(user))
                    .json()
                    .get("tags")
                    .forEach(t -> tags.add(t.get("tag").asString()));
            assertThat(tags).contains("unhappy:delivery_speed", "prefers:imported_fruit");
        });
        var found = api.get("/admin/v1/profile/users?tag=unhappy:delivery_speed&size=1000", TestTokens.operator("ops"));
        assertThat(found.body()).contains(user);
    }

    @Test
    void badFiltersAreProblemsNamingTheField() {
        var badSegment = api.get("/admin/v1/profile/users?segment=Royalty", TestTokens.operator("ops"));
        assertThat(badSegment.status()).isEqualTo(400);
        assertThat(badSegment.json().get("errors").get(0).get("field").asString())
                .isEqualTo("segment");
        var badSize = api.get("/admin/v1/profile/users?size=0", TestTokens.operator("ops"));
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.isProblem()).isTrue();
        var badType = api.get("/admin/v1/profile/users?cluster=abc", TestTokens.operator("ops"));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(api.post("/admin/v1/profile/batch", TestTokens.shopper("u"), "")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aBatchRequestedWhileOneRunsJoinsItAndUnknownRunsAreProblems() {
        String operator = TestTokens.operator("ops-join");
        var first = api.post("/admin/v1/profile/batch", operator, "");
        var second = api.post("/admin/v1/profile/batch", operator, "");
        assertThat(first.status()).isEqualTo(202);
        assertThat(second.status()).isEqualTo(202);
        String firstId = first.json().get("id").asString();
        if (second.json().get("id").asString().equals(firstId)) {
            // joined: the second request did not queue another recomputation
            assertThat(second.json().get("status").asString()).isEqualTo("running");
        } else {
            // the first had already finished: the second is a new run, started after it
            assertThat(awaitRun(firstId, "ops-join").get("status").asString()).isEqualTo("succeeded");
        }
        awaitRun(second.json().get("id").asString(), "ops-join");
        var runs = api.get("/admin/v1/profile/batch/runs", operator).json();
        assertThat(runs.get(0).get("status").asString()).isEqualTo("succeeded");

        var unknown = api.get("/admin/v1/profile/batch/runs/" + UUID.randomUUID(), operator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        var malformed = api.get("/admin/v1/profile/batch/runs/not-a-uuid", operator);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/profile/batch/runs", TestTokens.shopper("u"))
                        .status())
                .isEqualTo(403);
    }

    /** Polls a batch run until it is no longer running. */
    private JsonNode awaitRun(String runId, String operator) {
        JsonNode[] run = new JsonNode[1];
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var response = api.get("/admin/v1/profile/batch/runs/" + runId, TestTokens.operator(operator));
                    assertThat(response.status()).as(response.body()).isEqualTo(200);
                    run[0] = response.json();
                    return !"running".equals(run[0].get("status").asString());
                });
        return run[0];
    }

    static EventEnvelope<OrderPlaced> order(String user, String orderId, Instant at, int total, String coupon) {
        var lines = List.of(
                new OrderPlaced.Line("eggs-12", "Eggs", "eggs", 1, new BigDecimal("18.90")),
                new OrderPlaced.Line("milk-1l", "Milk", "dairy", 2, new BigDecimal("12.50")));
        return EventEnvelope.of(
                "app",
                user,
                at,
                new OrderPlaced(
                        orderId,
                        "sh-pudong",
                        lines,
                        BigDecimal.valueOf(total),
                        BigDecimal.ZERO,
                        BigDecimal.valueOf(total),
                        "wechat",
                        coupon));
    }
}
