package com.freshloop.simulator.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.freshloop.testing.ApiClient;
import com.freshloop.testing.LocalServers;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The seed's scenario, through the gateway only, against the platform started by {@code ./freshloop up}:
 * a shopper who bought eggs and milk every week goes silent for 30 days, gets the spend-50-save-20 coupon
 * and the free-gift bundle, hears at their active hour (moved out of quiet hours) that the eggs are back
 * in stock, orders with the coupon, the coupon is redeemed once (a replayed order changes nothing), the
 * repurchase and redemption metrics move, their recommendations show the complementary item with its
 * reason, and their membership growth and leaderboard standing update.
 *
 * <p>Time is not simulated by the platform: the shopper's orders are sent with their real event times 80
 * to 38 days ago, as an app that was offline would send them, and the nightly profile batch is run now.
 */
class RepurchaseLoopE2E {

    static final String GATEWAY = LocalServers.get("FRESHLOOP_GATEWAY_URL", "http://localhost:8080");
    static final Duration WITHIN = Duration.ofSeconds(90);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    // marketing-service's quiet hours (application.yml): no sends from 22:00 to 08:00
    static final int QUIET_FROM = 22;
    static final int QUIET_UNTIL = 8;
    // marketing-service's win-back configuration (application.yml): campaign and control share
    static final String WINBACK_CAMPAIGN = "winback-silent";
    static final double CONTROL_SHARE = 0.10;

    final ApiClient gateway = new ApiClient(GATEWAY);
    final String secret = LocalServers.require("FRESHLOOP_JWT_SECRET");
    final String operator = TestTokens.sign("e2e-operator", "operator", secret, Duration.ofHours(1));
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String eggs = "e2e-eggs-" + run;
    final String milk = "e2e-milk-" + run;
    final String region = "sh-pudong";

    @Test
    void aSilentRegularIsWonBackRedeemsTheCouponOnceAndTheLoopMeasuresIt() {
        String user = treatedUser();
        String shopper = TestTokens.sign(user, "shopper", secret, Duration.ofHours(1));

        // browsing through the last full hour (recent: the real-time jobs drop events more than a day behind
        // the watermark), which becomes the shopper's active hour
        Instant browsing = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        int activeHour = browsing.atZone(SHANGHAI).getHour();
        // eggs and milk every week, 80 to 38 days ago, at that hour
        LocalDate today = LocalDate.now(SHANGHAI);
        Instant testStart = Instant.now();
        Instant lastOrder = null;
        List<String> history = new ArrayList<>();
        for (int week = 0; week < 7; week++) {
            Instant at = today.minusDays(80 - 7L * week)
                    .atTime(activeHour, 10)
                    .atZone(SHANGHAI)
                    .toInstant();
            history.add(order(user + "-w" + week, at, null, BigDecimal.ZERO));
            lastOrder = at;
        }
        for (int i = 0; i < 6; i++) {
            history.add(event("page.viewed", browsing.plusSeconds(i * 500L), """
                    {"page":"product","sku":"%s","category":"eggs"}""".formatted(eggs)));
        }
        post(shopper, history);

        await("the profile holds the orders and the active hour")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var profile = ok(gateway.get("/api/v1/profile/me", shopper));
                    assertThat(profile.path("orders").asInt()).isEqualTo(7);
                    assertThat(tags(profile)).contains("active_hour:%02d".formatted(activeHour));
                });
        BigDecimal growthBefore =
                ok(gateway.get("/api/v1/membership/me", shopper)).path("growth").decimalValue();

        // the nightly batch finds the shopper silent for 30 days; the win-back campaign acts on it
        runProfileBatchStartedAfter(Instant.now());
        assertThat(ok(gateway.get("/api/v1/profile/me", shopper))
                        .path("lifecycle")
                        .asString())
                .isEqualTo("silent_30d");

        JsonNode[] coupons = new JsonNode[2];
        await("the spend-50-save-20 coupon and the free-gift bundle")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode held = list(ok(gateway.get("/api/v1/marketing/me/coupons", shopper)), "coupons");
                    coupons[0] = find(held, "kind", "spend_save");
                    coupons[1] = find(held, "kind", "free_gift");
                    assertThat(coupons[0]).as("spend and save in %s", held).isNotNull();
                    assertThat(coupons[1]).as("free gift in %s", held).isNotNull();
                });
        assertThat(coupons[0].path("threshold").decimalValue()).isEqualByComparingTo("50");
        assertThat(coupons[0].path("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(coupons[0].path("status").asString()).isEqualTo("available");

        // eggs run out and come back: "your usual items are back in stock", scheduled at the active hour
        restock(eggs, 0);
        restock(eggs, 120);
        JsonNode[] backInStock = new JsonNode[1];
        await("the back-in-stock message")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode messages = list(ok(gateway.get("/api/v1/marketing/me/messages", shopper)), "messages");
                    assertThat(find(messages, "kind", "winback"))
                            .as("win-back message in %s", messages)
                            .isNotNull();
                    backInStock[0] = find(messages, "kind", "back_in_stock");
                    assertThat(backInStock[0])
                            .as("back in stock in %s", messages)
                            .isNotNull();
                });
        assertThat(backInStock[0].path("body").asString()).contains(eggs);
        ZonedDateTime due =
                Instant.parse(backInStock[0].path("dueAt").asString()).atZone(SHANGHAI);
        boolean quiet = activeHour >= QUIET_FROM || activeHour < QUIET_UNTIL;
        assertThat(due.getHour()).isEqualTo(quiet ? QUIET_UNTIL : activeHour);
        assertThat(due.getMinute()).isZero();

        // the metrics before the comeback: the cohort of the last usual order (60-day window), and the
        // coupons issued since this test began
        String cohort = "/admin/v1/metrics/repurchase-rate?windowDays=60&from=" + lastOrder.minusSeconds(60) + "&to="
                + lastOrder.plusSeconds(60);
        String redemption = "/admin/v1/metrics/coupon-redemption?from=" + testStart.minusSeconds(60);
        await("the metrics hold the history")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(count(user, "order.placed")).isEqualTo(7);
                    assertThat(total(cohort, "cohortUsers")).isPositive();
                });
        long repurchasersBefore = total(cohort, "repurchasers");
        long redeemedBefore = total(redemption, "redeemed");

        // the shopper comes back and orders with the coupon; the app resends the same order once
        String couponId = coupons[0].path("couponId").asString();
        Instant now = Instant.now();
        String comeback = order(user + "-back", now, couponId, new BigDecimal("20"));
        post(shopper, List.of(comeback));
        post(shopper, List.of(comeback));
        await("the coupon is redeemed")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode held = list(ok(gateway.get("/api/v1/marketing/me/coupons", shopper)), "coupons");
                    JsonNode coupon = find(held, "couponId", couponId);
                    assertThat(coupon).as("coupon %s in %s", couponId, held).isNotNull();
                    assertThat(coupon.path("status").asString()).isEqualTo("redeemed");
                });

        // measured: the comeback order and exactly one redemption, in ClickHouse
        await("the metrics see the repurchase and one redemption")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(count(user, "order.placed")).isEqualTo(8);
                    assertThat(count(user, "coupon.redeemed")).isEqualTo(1);
                    assertThat(count(user, "campaign.assigned")).isEqualTo(1);
                    // the metrics move: one more repurchaser in the cohort, one more redeemed coupon
                    assertThat(total(cohort, "repurchasers")).isEqualTo(repurchasersBefore + 1);
                    assertThat(total(redemption, "redeemed")).isEqualTo(redeemedBefore + 1);
                });

        // recommendations: after the model is retrained on the baskets, the eggs' page shows the milk that
        // goes with them, and the home list explains every item
        trainRecommendationsStartedAfter(Instant.now());
        await("complementary items with reasons")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    JsonNode onEggs =
                            ok(gateway.get("/api/v1/recommendations/me?limit=10&context=product:" + eggs, shopper));
                    JsonNode milkItem = find(list(onEggs, "items"), "sku", milk);
                    assertThat(milkItem).as("milk on the eggs page: %s", onEggs).isNotNull();
                    assertThat(milkItem.path("strategy").asString()).isEqualTo("bought_with");
                    assertThat(milkItem.path("reason").asString()).startsWith("often bought with");
                    JsonNode home = list(ok(gateway.get("/api/v1/recommendations/me?limit=10", shopper)), "items");
                    assertThat(home.size()).isPositive();
                    for (JsonNode item : home) {
                        assertThat(item.path("reason").asString())
                                .as("reason of %s", item)
                                .isNotBlank();
                    }
                });

        // membership: the comeback order grows the member and puts them on this week's leaderboard
        await("membership growth and leaderboard")
                .atMost(WITHIN)
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(ok(gateway.get("/api/v1/membership/me", shopper))
                                    .path("growth")
                                    .decimalValue())
                            .isGreaterThan(growthBefore);
                    JsonNode standing = ok(gateway.get("/api/v1/membership/me/leaderboard", shopper));
                    assertThat(standing.path("repurchases").asLong()).isPositive();
                    assertThat(standing.path("rank").isNumber())
                            .as("ranked: %s", standing)
                            .isTrue();
                });
    }

    /**
     * Runs the profile batch and waits for it; a request while another run is in progress joins that run,
     * which may have read the profiles before this test's orders, so it asks again until a run that
     * started after {@code after} has succeeded.
     */
    private void runProfileBatchStartedAfter(Instant after) {
        await("a profile batch run that started after the orders were in")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var batch = gateway.post("/admin/v1/profile/batch", operator, "{}");
                    assertThat(batch.status()).as(batch.body()).isEqualTo(202);
                    String runId = batch.json().path("id").asString();
                    JsonNode run = batch.json();
                    while ("running".equals(run.path("status").asString())) {
                        pause(Duration.ofSeconds(1));
                        run = ok(gateway.get("/admin/v1/profile/batch/runs/" + runId, operator));
                    }
                    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
                    return !Instant.parse(run.path("startedAt").asString()).isBefore(after);
                });
    }

    /** Trains the recommendation model and waits for a training that started after {@code after}. */
    private void trainRecommendationsStartedAfter(Instant after) {
        await("a recommendation training that started after the orders were in")
                .atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    var started = gateway.post("/admin/v1/recommendations/model/train", operator, "");
                    assertThat(started.status()).as(started.body()).isEqualTo(202);
                    String runId = started.json().path("id").asString();
                    JsonNode run = started.json();
                    while ("running".equals(run.path("status").asString())) {
                        pause(Duration.ofSeconds(1));
                        run = ok(gateway.get("/admin/v1/recommendations/model/train/runs/" + runId, operator));
                    }
                    assertThat(run.path("status").asString()).as(run.toString()).isEqualTo("succeeded");
                    return !Instant.parse(run.path("startedAt").asString()).isBefore(after);
                });
    }

    /** A user id that marketing's deterministic split puts in the win-back treatment arm. */
    static String treatedUser() {
        for (int attempt = 0; ; attempt++) {
            String user = "e2e-loop-" + UUID.randomUUID();
            if (bucket(WINBACK_CAMPAIGN, user) >= Math.round(CONTROL_SHARE * 10_000)) {
                return user;
            }
        }
    }

    /** The same hash as marketing-service's ControlGroup (services are not test dependencies). */
    static int bucket(String campaignId, String userId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((campaignId + "\u0000" + userId).getBytes(StandardCharsets.UTF_8));
            long value = ByteBuffer.wrap(digest, 0, 8).getLong() & Long.MAX_VALUE;
            return (int) (value % 10_000);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String order(String orderId, Instant at, String couponId, BigDecimal discount) {
        BigDecimal subtotal = new BigDecimal("62.80");
        return event(
                "order.placed",
                at,
                """
                {"orderId":"%s","region":"%s","lines":[\
                {"sku":"%s","name":"Free-range eggs 12","category":"eggs","quantity":2,"unitPrice":18.9},\
                {"sku":"%s","name":"Fresh milk 1L","category":"dairy","quantity":2,"unitPrice":12.5}],\
                "subtotal":%s,"discount":%s,"total":%s,"paymentMethod":"wechat"%s}""".formatted(
                                orderId,
                                region,
                                eggs,
                                milk,
                                subtotal,
                                discount,
                                subtotal.subtract(discount),
                                couponId == null ? "" : ",\"couponId\":\"" + couponId + "\""),
                // the event id derives from the order: a resent order is the same event
                UUID.nameUUIDFromBytes(("order|" + orderId).getBytes(StandardCharsets.UTF_8)));
    }

    private static String event(String type, Instant at, String data) {
        return event(type, at, data, UUID.randomUUID());
    }

    private static String event(String type, Instant at, String data, UUID id) {
        return """
                {"id":"%s","type":"%s","time":"%s","data":%s}""".formatted(id, type, at, data);
    }

    private void restock(String sku, int onHand) {
        var response = gateway.put(
                "/admin/v1/supply/inventory/" + sku + "/" + region, operator, "{\"onHand\":" + onHand + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** Posts a batch like the app does: resent as is after Retry-After on 429 and 503. */
    private void post(String token, List<String> events) {
        String batch = "{\"events\":[" + String.join(",", events) + "]}";
        ApiClient.Response response = gateway.post("/api/v1/events", token, batch);
        for (int attempt = 0; attempt < 5 && (response.status() == 429 || response.status() == 503); attempt++) {
            String retryAfter = response.header("Retry-After");
            pause(Duration.ofSeconds(retryAfter == null ? 2 : Long.parseLong(retryAfter)));
            response = gateway.post("/api/v1/events", token, batch);
        }
        assertThat(response.status()).as(response.body()).isEqualTo(202);
    }

    private long count(String user, String type) {
        var response = gateway.get("/admin/v1/metrics/events/count?subject=" + user + "&type=" + type, operator);
        return ok(response).get("count").asLong();
    }

    /** A field of a metric report's total row (0 when the report has no row). */
    private long total(String metric, String field) {
        JsonNode rows = ok(gateway.get(metric, operator)).path("rows");
        return rows.isEmpty() ? 0 : rows.get(0).path(field).asLong();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode list(JsonNode node, String field) {
        return node.isArray() ? node : node.path(field);
    }

    private static JsonNode find(JsonNode list, String field, String value) {
        for (JsonNode node : list) {
            if (value.equals(node.path(field).asString())) {
                return node;
            }
        }
        return null;
    }

    private static List<String> tags(JsonNode profile) {
        List<String> tags = new ArrayList<>();
        profile.path("tags").forEach(t -> tags.add(t.path("tag").asString()));
        return tags;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
