package com.freshloop.profile.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.streams.v1.TagRevoked;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class})
class TagsIT {

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

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
    void tagFromTheTagsTopicShowsInTheShoppersOwnProfile() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(assigned(user, "active_hour:20", 0.6, now, now.plus(Duration.ofDays(14))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var response = api.get("/api/v1/profile/me", TestTokens.shopper(user));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("userId").asString()).isEqualTo(user);
            assertThat(response.json().get("tags")).hasSize(1);
            assertThat(response.json().get("tags").get(0).get("tag").asString()).isEqualTo("active_hour:20");
        });
        // another shopper does not see it
        var other = api.get("/api/v1/profile/me", TestTokens.shopper("someone-else"));
        assertThat(other.json().get("tags")).isEmpty();
    }

    @Test
    void redeliveredEventIsAppliedOnceAndOlderObservationsDoNotOverwriteNewerOnes() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventEnvelope<TagAssigned> newer = assigned(user, "interest:organic", 0.8, now, now.plus(Duration.ofDays(7)));
        EventEnvelope<TagAssigned> older =
                assigned(user, "interest:organic", 0.1, now.minusSeconds(600), now.plus(Duration.ofDays(7)));
        kafka.publish(newer);
        kafka.publish(newer);
        kafka.publish(older);
        EventEnvelope<TagAssigned> marker = assigned(user, "marker", 1, now, now.plus(Duration.ofDays(1)));
        kafka.publish(marker);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/profile/me", TestTokens.shopper(user))
                        .body()
                        .contains("marker"));
        var tags =
                api.get("/api/v1/profile/me", TestTokens.shopper(user)).json().get("tags");
        assertThat(tags).hasSize(2);
        assertThat(tags.get(0).get("tag").asString()).isEqualTo("interest:organic");
        assertThat(tags.get(0).get("score").asDouble()).isEqualTo(0.8);
        assertThat(jdbc.sql("select count(*) from processed_event where event_id = :id")
                        .param("id", newer.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void revokedAndExpiredTagsAreNotShown() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        kafka.publish(assigned(user, "cart_abandoned", 1, now.minusSeconds(5), now.plus(Duration.ofDays(1))));
        kafka.publish(assigned(user, "expired", 1, now.minusSeconds(5), now.minusSeconds(1)));
        kafka.publish(EventEnvelope.of("stream-jobs", user, now, new TagRevoked("cart_abandoned", "cart-abandonment")));
        kafka.publish(assigned(user, "marker", 1, now, now.plus(Duration.ofDays(1))));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/profile/me", TestTokens.shopper(user))
                        .body()
                        .contains("marker"));
        var tags =
                api.get("/api/v1/profile/me", TestTokens.shopper(user)).json().get("tags");
        assertThat(tags).hasSize(1);
        assertThat(tags.get(0).get("tag").asString()).isEqualTo("marker");
    }

    @Test
    void poisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        Instant now = Instant.now();
        kafka.publishRaw(Topics.TAGS, user, "{\"not\":\"an event for " + user + "\"}");
        kafka.publish(assigned(user, "after_poison", 1, now, now.plus(Duration.ofDays(1))));

        kafka.awaitRaw(Topics.deadLetter(Topics.TAGS), user, Duration.ofSeconds(30));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/v1/profile/me", TestTokens.shopper(user))
                        .body()
                        .contains("after_poison"));
    }

    @Test
    void profileNeedsATokenAndAdminNeedsTheOperatorRole() {
        assertThat(api.get("/api/v1/profile/me", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/profile/me", TestTokens.forged(user)).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/profile/me", TestTokens.expired(user)).status())
                .isEqualTo(401);
        var forbidden = api.get("/admin/v1/profile/users/" + user, TestTokens.shopper(user));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        assertThat(api.get("/admin/v1/profile/users/" + user, TestTokens.operator("ops"))
                        .status())
                .isEqualTo(200);
        var bad = api.get("/admin/v1/profile/users/bad%20id!", TestTokens.operator("ops"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
    }

    private static EventEnvelope<TagAssigned> assigned(
            String user, String tag, double score, Instant time, Instant expiresAt) {
        return EventEnvelope.of("stream-jobs", user, time, new TagAssigned(tag, score, expiresAt, "test"));
    }
}
