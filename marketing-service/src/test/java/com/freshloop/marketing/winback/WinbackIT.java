package com.freshloop.marketing.winback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.Topics;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.events.marketing.v1.CampaignAssigned;
import com.freshloop.events.marketing.v1.CouponIssued;
import com.freshloop.events.marketing.v1.CouponRedeemed;
import com.freshloop.events.marketing.v1.MessageSent;
import com.freshloop.events.profile.v1.LifecycleStageChanged;
import com.freshloop.events.streams.v1.TagAssigned;
import com.freshloop.events.supply.v1.StockReplenished;
import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.marketing.MovableClock;
import com.freshloop.marketing.messages.Messages;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.sql.Timestamp;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MarketingIntegrationTest
class WinbackIT {

    static final String CAMPAIGN = "winback-silent";
    static final String SPEND_50_SAVE_20 = "00000000-0000-0000-0000-00000000b050";
    static final String REGION = "sh-pudong";
    /** 10:00 in Shanghai. */
    static final Instant MONDAY_MORNING = Instant.parse("2026-03-02T02:00:00Z");

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    Messages messages;

    ApiClient api;
    KafkaTestClient kafka;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        clock.set(MONDAY_MORNING);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        kafka.close();
    }

    @Test
    void silentUserIsWonBackFromCouponsThroughTheRestockMessageToRedemption() {
        String user = userIn(false);
        String sku = "scallion-" + UUID.randomUUID().toString().substring(0, 8);
        // Two earlier orders make the SKU one of the user's usual items; the tag sets the active hour 20:00.
        kafka.publish(order(user, "o-1-" + user, null, sku));
        kafka.publish(order(user, "o-2-" + user, null, sku));
        kafka.publish(EventEnvelope.of(
                "stream-jobs",
                user,
                MONDAY_MORNING,
                new TagAssigned("active_hour:20", 0.4, MONDAY_MORNING.plus(Duration.ofDays(30)), "active-hour")));
        await().atMost(Duration.ofSeconds(30)).until(() -> usualOrders(user, sku) == 2 && activeHour(user) == 20);

        var silent = lifecycle(user, "silent_30d");
        kafka.publish(silent);
        List<EventEnvelope<EventData>> issued = kafka.await(
                Topics.MARKETING,
                e -> user.equals(e.subject()) && e.data() instanceof CouponIssued c && CAMPAIGN.equals(c.campaignId()),
                2,
                Duration.ofSeconds(30));
        assertThat(issued)
                .extracting(e -> ((CouponIssued) e.data()).kind())
                .containsExactlyInAnyOrder("spend_save", "free_gift");
        // Replays and a later stage change issue nothing more: the campaign runs once per user.
        kafka.publish(silent);
        kafka.publish(lifecycle(user, "churned"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "churned".equals(stage(user)));
        assertThat(couponsOf(user)).isEqualTo(2);
        assertThat(arm(user)).isEqualTo("treatment");

        // The win-back message goes out at 20:00 Shanghai, the user's active hour.
        assertThat(dueAt(user, "winback")).isEqualTo(Instant.parse("2026-03-02T12:00:00Z"));
        clock.set(Instant.parse("2026-03-02T12:00:01Z"));
        messages.sendDue();
        awaitMessageSent(user, "winback");

        kafka.publish(EventEnvelope.of(
                "supply-service",
                sku + ":" + REGION,
                clock.instant(),
                new StockReplenished(sku, REGION, 40, 40, true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> dueAt(user, "back_in_stock") != null);
        // Today's 20:00 has passed and today's cap is used, so: tomorrow at 20:00 Shanghai.
        assertThat(dueAt(user, "back_in_stock")).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        clock.set(Instant.parse("2026-03-03T11:59:59Z"));
        messages.sendDue();
        assertThat(status(user, "back_in_stock")).isEqualTo("pending");
        clock.set(Instant.parse("2026-03-03T12:00:00Z"));
        messages.sendDue();
        awaitMessageSent(user, "back_in_stock");

        JsonNode mine = api.get("/api/v1/marketing/me/messages", TestTokens.shopper(user))
                .json()
                .get("messages");
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("kind").asString()).isEqualTo("back_in_stock");
        assertThat(mine.get(0).get("status").asString()).isEqualTo("sent");
        assertThat(mine.get(0).get("body").asString()).contains(sku);

        String coupon = jdbc.sql("select id::text from coupon where user_id = :u and template_id = :t")
                .param("u", user)
                .param("t", UUID.fromString(SPEND_50_SAVE_20))
                .query(String.class)
                .single();
        kafka.publish(order(user, "o-3-" + user, coupon, sku));
        var redeemed = kafka.await(
                Topics.MARKETING,
                e -> e.data() instanceof CouponRedeemed r && r.couponId().equals(coupon),
                1,
                Duration.ofSeconds(30));
        assertThat(((CouponRedeemed) redeemed.get(0).data()).campaignId()).isEqualTo(CAMPAIGN);
        assertThat(((CouponRedeemed) redeemed.get(0).data()).discount()).isEqualByComparingTo("20");
    }

    @Test
    void controlGroupUsersAreRecordedAndGetNothing() {
        String user = userIn(true);
        String sku = "ginger-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.publish(order(user, "o-1-" + user, null, sku));
        kafka.publish(order(user, "o-2-" + user, null, sku));
        kafka.publish(lifecycle(user, "silent_30d"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "control".equals(arm(user)));
        // the assignment is published, so metrics can measure the campaign's recall against this group
        var assigned = kafka.await(
                Topics.MARKETING,
                e -> user.equals(e.subject()) && e.data() instanceof CampaignAssigned a && "control".equals(a.arm()),
                1,
                Duration.ofSeconds(30));
        assertThat(((CampaignAssigned) assigned.get(0).data()).campaignId()).isEqualTo(CAMPAIGN);
        await().atMost(Duration.ofSeconds(30)).until(() -> usualOrders(user, sku) == 2);
        kafka.publish(EventEnvelope.of(
                "supply-service", sku + ":" + REGION, clock.instant(), new StockReplenished(sku, REGION, 5, 5, true)));
        // Nothing may appear for a while: no coupons, no messages, not even after the restock.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> couponsOf(user) == 0);
        assertThat(jdbc.sql("select count(*) from scheduled_message where user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aMessageOverTheDailyCapMovesToTheNextDay() {
        String user = "cap-" + UUID.randomUUID();
        messages.schedule(user, Messages.COUPON_EXPIRY, null, "first", 23, "cap-1-" + user);
        messages.schedule(user, Messages.COUPON_EXPIRY, null, "second", 23, "cap-2-" + user);
        // 23:00 is in quiet hours (22-08), so both are due at 08:00 Shanghai the next morning.
        assertThat(jdbc.sql("select distinct due_at from scheduled_message where user_id = :u")
                        .param("u", user)
                        .query(Timestamp.class)
                        .list())
                .extracting(Timestamp::toInstant)
                .containsExactly(Instant.parse("2026-03-03T00:00:00Z"));
        clock.set(Instant.parse("2026-03-03T00:00:00Z"));
        messages.sendDue();
        assertThat(jdbc.sql("select count(*) from sent_message where user_id = :u")
                        .param("u", user)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select due_at from scheduled_message where user_id = :u and status = 'pending'")
                        .param("u", user)
                        .query(Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(Instant.parse("2026-03-04T00:00:00Z"));
    }

    @Test
    void myMessagesNeedAToken() {
        assertThat(api.get("/api/v1/marketing/me/messages", null).status()).isEqualTo(401);
    }

    private static String userIn(boolean control) {
        while (true) {
            String user = "wb-" + UUID.randomUUID();
            if (ControlGroup.isControl(CAMPAIGN, user, 0.10) == control) {
                return user;
            }
        }
    }

    private EventEnvelope<LifecycleStageChanged> lifecycle(String user, String to) {
        return EventEnvelope.of(
                "profile-service",
                user,
                clock.instant(),
                new LifecycleStageChanged("active", to, MONDAY_MORNING.minus(Duration.ofDays(31))));
    }

    private EventEnvelope<OrderPlaced> order(String user, String orderId, String couponId, String sku) {
        return EventEnvelope.of(
                "gateway-service",
                user,
                clock.instant(),
                new OrderPlaced(
                        orderId,
                        REGION,
                        List.of(new OrderPlaced.Line(sku, "scallion", "vegetables", 3, new BigDecimal("22.00"))),
                        new BigDecimal("66.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("66.00"),
                        "wechat",
                        couponId));
    }

    private void awaitMessageSent(String user, String kind) {
        Predicate<EventEnvelope<EventData>> match =
                e -> user.equals(e.subject()) && e.data() instanceof MessageSent m && kind.equals(m.kind());
        var sent = kafka.await(Topics.MARKETING, match, 1, Duration.ofSeconds(30));
        assertThat(((MessageSent) sent.get(0).data()).campaignId()).isEqualTo(CAMPAIGN);
        assertThat(((MessageSent) sent.get(0).data()).channel()).isEqualTo("app_push");
    }

    private int usualOrders(String user, String sku) {
        return jdbc.sql("select coalesce(max(orders), 0) from shopper_sku where user_id = :u and sku = :s")
                .param("u", user)
                .param("s", sku)
                .query(Integer.class)
                .single();
    }

    private int activeHour(String user) {
        return jdbc.sql("select coalesce(max(active_hour), -1) from shopper where user_id = :u")
                .param("u", user)
                .query(Integer.class)
                .single();
    }

    private String stage(String user) {
        return jdbc.sql("select coalesce(max(lifecycle_stage), '') from shopper where user_id = :u")
                .param("u", user)
                .query(String.class)
                .single();
    }

    private String arm(String user) {
        return jdbc.sql(
                        "select coalesce(max(arm), '') from campaign_assignment where campaign_id = :c and user_id = :u")
                .param("c", CAMPAIGN)
                .param("u", user)
                .query(String.class)
                .single();
    }

    private int couponsOf(String user) {
        return jdbc.sql("select count(*) from coupon where user_id = :u")
                .param("u", user)
                .query(Integer.class)
                .single();
    }

    private Instant dueAt(String user, String kind) {
        return jdbc.sql(
                        "select due_at from scheduled_message where user_id = :u and kind = :k order by due_at desc limit 1")
                .param("u", user)
                .param("k", kind)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private String status(String user, String kind) {
        return jdbc.sql("select status from scheduled_message where user_id = :u and kind = :k")
                .param("u", user)
                .param("k", kind)
                .query(String.class)
                .single();
    }
}
