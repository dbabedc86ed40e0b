package com.freshloop.metrics.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.metrics.Api;
import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.TestTokens;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
class FeedbackIT {

    private static final String SURVEY = "/api/v1/metrics/me/survey";

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Api api;
    final String operator = TestTokens.operator("ops-" + UUID.randomUUID());

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void shoppersAnswerAndOperatorsReadTheAggregates() {
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(3600);
        String alice = "alice-" + UUID.randomUUID();
        String responseId = UUID.randomUUID().toString();
        String aliceAnswer = "{\"responseId\":\"" + responseId + "\",\"reasons\":[\"coupon\",\"freshness\",\"coupon\"],"
                + "\"blockers\":[\"delivery_speed\"],\"comment\":\"  Great eggs  \",\"orderId\":\"o-1\"}";

        Api.Response answered = api.post(SURVEY, TestTokens.shopper(alice), aliceAnswer);
        Api.Response retried = api.post(SURVEY, TestTokens.shopper(alice), aliceAnswer);
        api.post(
                SURVEY,
                TestTokens.shopper("bob-" + UUID.randomUUID()),
                "{\"reasons\":[\"coupon\"],\"blockers\":[\"delivery_speed\",\"price\"]}");
        api.post(
                SURVEY, TestTokens.shopper("carol-" + UUID.randomUUID()), "{\"reasons\":[\"habit\"],\"comment\":\"\"}");
        // mallory reuses alice's response id: her answer is her own and does not replace alice's
        String mallory = TestTokens.shopper("mallory-" + UUID.randomUUID());
        Api.Response reused =
                api.post(SURVEY, mallory, "{\"responseId\":\"" + responseId + "\",\"reasons\":[\"habit\"]}");
        // profile's text analysis, once published: two users unhappy with delivery speed (one tagged
        // twice), one with freshness; other tags are not blockers
        Fixtures f = new Fixtures();
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        String tagged = "t-" + UUID.randomUUID();
        f.tag(tagged, now, "unhappy:delivery_speed");
        f.tag(tagged, now, "unhappy:delivery_speed");
        f.tag("t-" + UUID.randomUUID(), now, "unhappy:delivery_speed");
        f.tag("t-" + UUID.randomUUID(), now, "unhappy:freshness");
        f.tag("t-" + UUID.randomUUID(), now, "interest:organic");
        f.storeIn(store);

        assertThat(answered.status()).as("%s", answered.body()).isEqualTo(201);
        assertThat(answered.body().path("responseId").asString()).isEqualTo(responseId);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(reused.status()).isEqualTo(201);

        // each shopper sees their own answers only; the retry is one answer
        JsonNode alicesOwn = api.get(SURVEY, TestTokens.shopper(alice)).body().path("answers");
        assertThat(alicesOwn).singleElement().satisfies(a -> {
            assertThat(a.path("responseId").asString()).isEqualTo(responseId);
            assertThat(a.path("reasons").toString()).isEqualTo("[\"coupon\",\"freshness\"]");
            assertThat(a.path("blockers").toString()).isEqualTo("[\"delivery_speed\"]");
            assertThat(a.path("comment").asString()).isEqualTo("Great eggs");
            assertThat(a.path("orderId").asString()).isEqualTo("o-1");
        });
        assertThat(api.get(SURVEY, mallory).body().path("answers"))
                .singleElement()
                .satisfies(a -> assertThat(a.path("reasons").toString()).isEqualTo("[\"habit\"]"));
        assertThat(api.get(SURVEY, TestTokens.shopper("eve-" + UUID.randomUUID()))
                        .body()
                        .path("answers"))
                .isEmpty();
        assertThat(api.get(SURVEY, null).status()).isEqualTo(401);

        String range = "?from=" + from + "&to=" + from.plusSeconds(7200);
        JsonNode summary =
                api.get("/admin/v1/metrics/surveys" + range, operator).body().path("summary");
        // alice (retried: once), bob, carol, mallory
        assertThat(summary.path("responses").asLong()).as("%s", summary).isEqualTo(4);
        assertThat(summary.path("respondents").asLong()).isEqualTo(4);
        JsonNode reasons = summary.path("reasons");
        // coupon: alice, bob; habit: carol, mallory; freshness: alice (ties by code)
        assertThat(reasons.get(0).path("code").asString()).isEqualTo("coupon");
        assertThat(reasons.get(0).path("responses").asLong()).isEqualTo(2);
        assertThat(reasons.get(0).path("share").asDouble()).isEqualTo(2 / 4.0);
        assertThat(reasons.findValuesAsString("code")).containsExactly("coupon", "habit", "freshness");
        assertThat(summary.path("blockers").findValuesAsString("code")).containsExactly("delivery_speed", "price");
        assertThat(summary.path("comments")).singleElement().satisfies(comment -> {
            assertThat(comment.path("text").asString()).isEqualTo("Great eggs");
            assertThat(comment.path("reasons").toString()).isEqualTo("[\"coupon\",\"freshness\"]");
        });

        JsonNode blockers =
                api.get("/admin/v1/metrics/feedback/blockers" + range, operator).body();
        assertThat(blockers.path("aspects").get(0).path("aspect").asString()).isEqualTo("delivery_speed");
        assertThat(blockers.path("aspects").get(0).path("surveyMentions").asLong())
                .isEqualTo(2);
        assertThat(blockers.path("aspects").get(0).path("taggedUsers").asLong()).isEqualTo(2);
        assertThat(blockers.path("aspects").findValuesAsString("aspect"))
                .containsExactlyInAnyOrder("delivery_speed", "price", "freshness");
        assertThat(blockers.path("gaps").get(0).asString()).contains("profile-service");
    }

    @Test
    void refusesAnswersItDoesNotKnow() {
        String shopper = TestTokens.shopper("dave-" + UUID.randomUUID());

        assertField(api.post(SURVEY, shopper, "{\"reasons\":[\"coupon\",\"teleport\"]}"), "reasons[1]");
        assertField(api.post(SURVEY, shopper, "{\"reasons\":[]}"), "reasons");
        assertField(api.post(SURVEY, shopper, "{}"), "reasons");
        assertField(api.post(SURVEY, shopper, "{\"reasons\":[\"habit\"],\"blockers\":[\"nope\"]}"), "blockers[0]");
        assertField(
                api.post(SURVEY, shopper, "{\"reasons\":[\"habit\"],\"comment\":\"" + "x".repeat(1001) + "\"}"),
                "comment");
        assertThat(api.post(SURVEY, shopper, "{\"reasons\":\"habit\"").status()).isEqualTo(400);
        assertThat(api.post(SURVEY, null, "{\"reasons\":[\"habit\"]}").status()).isEqualTo(401);
        assertThat(api.get("/admin/v1/metrics/surveys", shopper).status()).isEqualTo(403);
    }

    private static void assertField(Api.Response response, String field) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsString("field")).contains(field);
    }
}
