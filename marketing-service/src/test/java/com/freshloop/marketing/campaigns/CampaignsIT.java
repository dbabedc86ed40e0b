package com.freshloop.marketing.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventEnvelope;
import com.freshloop.events.profile.v1.SegmentChanged;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.marketing.winback.ControlGroup;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class CampaignsIT {

    static final String CAMPAIGNS = "/admin/v1/marketing/campaigns";
    static final String NO_THRESHOLD = "00000000-0000-0000-0000-00000000a010";

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    KafkaTestClient kafka;
    String ops;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        ops = TestTokens.operator("ops");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void highValueAudienceIsPreviewedThenRunOnceWithAControlGroup() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String tag = "interest:test-" + run;
        List<String> users =
                IntStream.range(0, 12).mapToObj(i -> "hv-" + run + "-" + i).toList();
        for (int i = 0; i < users.size(); i++) {
            String segment = i < 4 ? "Champions" : i < 8 ? "Loyal" : "At risk";
            kafka.publish(EventEnvelope.of(
                    "profile-service", users.get(i), Instant.now(), new SegmentChanged(null, segment, "5-5-5")));
            kafka.publish(EventEnvelope.of(
                    "stream-jobs",
                    users.get(i),
                    Instant.now(),
                    new TagAssigned(tag, 1.0, Instant.now().plus(Duration.ofDays(1)), "test")));
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        jdbc.sql("""
                                select count(*) from shopper s join shopper_tag t on t.user_id = s.user_id
                                 where t.tag = :tag and s.segment is not null
                                """).param("tag", tag).query(Integer.class).single() == 12);

        var created = api.post(CAMPAIGNS, ops, """
                {"name": "vip test", "audience": {"segments": ["Champions", "Loyal"], "tags": ["%s"]},
                 "templateIds": ["%s"], "controlShare": 0.5}
                """.formatted(tag, NO_THRESHOLD));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith(CAMPAIGNS + "/" + id);

        long control = users.subList(0, 8).stream()
                .filter(u -> ControlGroup.isControl(id, u, 0.5))
                .count();
        var preview = api.get(CAMPAIGNS + "/" + id + "/audience", ops).json();
        assertThat(preview.get("size").asInt()).isEqualTo(8);
        assertThat(preview.get("control").asInt()).isEqualTo((int) control);

        var first = api.post(CAMPAIGNS + "/" + id + "/runs", ops, "");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("treated").asInt()).isEqualTo(8 - (int) control);
        assertThat(first.json().get("control").asInt()).isEqualTo((int) control);
        assertThat(couponsOf(id)).isEqualTo(8 - (int) control);

        var again = api.post(CAMPAIGNS + "/" + id + "/runs", ops, "").json();
        assertThat(again.get("alreadyAssigned").asInt()).isEqualTo(8);
        assertThat(couponsOf(id)).isEqualTo(8 - (int) control);
        assertThat(jdbc.sql("select count(*) from audit_log where target = :t")
                        .param("t", "campaign:" + id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void campaignsCanBeListedChangedAndDeleted() {
        assertThat(api.get(CAMPAIGNS, ops).json().toString()).contains("high value: no-threshold coupon");
        var created = api.post(CAMPAIGNS, ops, """
                {"name": "new users", "audience": {"lifecycleStages": ["new"]},
                 "templateIds": ["%s"], "controlShare": 0.1}
                """.formatted(NO_THRESHOLD));
        String id = created.json().get("id").asString();
        var changed = api.put(CAMPAIGNS + "/" + id, ops, """
                {"name": "renamed", "audience": {"lifecycleStages": ["new", "active"]},
                 "templateIds": ["%s"], "controlShare": 0.2}
                """.formatted(NO_THRESHOLD));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(api.get(CAMPAIGNS + "/" + id, ops).json().get("name").asString())
                .isEqualTo("renamed");
        assertThat(api.delete(CAMPAIGNS + "/" + id, ops).status()).isEqualTo(204);
        assertThat(api.get(CAMPAIGNS + "/" + id, ops).status()).isEqualTo(404);
    }

    @Test
    void badCampaignsAreProblemsAndOnlyOperatorsMayTouchThem() {
        var share = api.post(CAMPAIGNS, ops, """
                {"name": "x", "audience": {}, "templateIds": ["%s"], "controlShare": 0.9}
                """.formatted(NO_THRESHOLD));
        assertThat(share.status()).isEqualTo(400);
        assertThat(share.json().get("errors").get(0).get("field").asString()).isEqualTo("controlShare");
        var unknown = api.post(CAMPAIGNS, ops, """
                {"name": "x", "audience": {}, "templateIds": ["%s"], "controlShare": 0.1}
                """.formatted(UUID.randomUUID()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(api.get(CAMPAIGNS, TestTokens.shopper("u-1")).status()).isEqualTo(403);
        assertThat(api.get(CAMPAIGNS, null).status()).isEqualTo(401);
    }

    private int couponsOf(String campaign) {
        return jdbc.sql("select count(*) from coupon where campaign_id = :c")
                .param("c", campaign)
                .query(Integer.class)
                .single();
    }
}
