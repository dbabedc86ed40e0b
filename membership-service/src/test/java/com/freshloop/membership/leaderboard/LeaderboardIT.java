package com.freshloop.membership.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.freshloop.events.EventData;
import com.freshloop.events.EventEnvelope;
import com.freshloop.events.behaviour.v1.OrderPlaced;
import com.freshloop.membership.member.Memberships;
import com.freshloop.starter.web.UnprocessableException;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.KafkaTestClient;
import com.freshloop.testing.PostgresInfrastructure;
import com.freshloop.testing.RedisInfrastructure;
import com.freshloop.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({PostgresInfrastructure.class, KafkaInfrastructure.class, RedisInfrastructure.class})
class LeaderboardIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Leaderboard leaderboard;

    @Autowired
    Memberships memberships;

    @Autowired
    StringRedisTemplate redis;

    ApiClient api;
    KafkaTestClient kafka;
    String operator;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        kafka = new KafkaTestClient(bootstrapServers);
        operator = TestTokens.operator("ops-leaderboard");
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    @Test
    void onlyOrdersWithASkuBoughtBeforeCountAndARedeliveredOrderCountsOnce() {
        String user = user("count");
        Instant week = Instant.parse("2026-01-14T04:00:00Z"); // 2026-W03
        assertThat(leaderboard.recordOrder(order(user, week, "eggs-10"))).isFalse();
        assertThat(leaderboard.recordOrder(order(user, week, "milk-1l"))).isFalse();
        var repeat = order(user, week, "milk-1l", "bread");
        assertThat(leaderboard.recordOrder(repeat)).isTrue();
        assertThat(leaderboard.recordOrder(repeat)).isFalse();

        assertThat(leaderboard.ranking("2026-W03", 10)).containsExactly(new Standing.Place(1, user, 1, false));
    }

    @Test
    void theWeekEndRewardPaysTheTopOnceEvenWhenTheJobRunsTwice() {
        String week = "2026-W01";
        Instant inWeek = Instant.parse("2026-01-01T04:00:00Z");
        String first = user("first");
        String second = user("second");
        String third = user("third");
        String none = user("none");
        repurchases(first, inWeek, 5);
        repurchases(second, inWeek, 3);
        repurchases(third, inWeek, 1);
        repurchases(none, inWeek, 0);

        List<Reward> paid = leaderboard.rewardWeek(week);
        List<Reward> again = leaderboard.rewardWeek(week);

        assertThat(paid)
                .extracting(Reward::userId, Reward::rank, Reward::repurchases, Reward::points)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(first, 1, 5, 500L),
                        org.assertj.core.groups.Tuple.tuple(second, 2, 3, 100L),
                        org.assertj.core.groups.Tuple.tuple(third, 3, 1, 100L));
        assertThat(again).isEmpty();
        assertThat(leaderboard.rewards(week)).hasSize(3);
        assertThat(memberships.member(first).points()).isEqualTo(500 + ordersPoints(6));
        assertThat(leaderboardCredits(first)).isEqualTo(1);
        assertThat(leaderboardCredits(none)).isZero();
    }

    @Test
    void twoJobRunsAtTheSameMomentStillRewardEachLeaderOnce() throws Exception {
        String week = "2026-W02";
        Instant inWeek = Instant.parse("2026-01-07T04:00:00Z");
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String user = user("par" + i);
            repurchases(user, inWeek, i + 1);
            users.add(user);
        }

        List<List<Reward>> runs = inParallel(4, () -> leaderboard.rewardWeek(week));

        assertThat(runs.stream().mapToInt(List::size).sum()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from leaderboard_reward where week = :w")
                        .param("w", week)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        for (String user : users) {
            assertThat(leaderboardCredits(user)).isEqualTo(1);
        }
    }

    @Test
    void aWeekThatHasNotEndedCannotBeRewarded() {
        String thisWeek = Weeks.of(Instant.now(), java.time.ZoneId.of("Asia/Shanghai"));
        assertThatThrownBy(() -> leaderboard.rewardWeek(thisWeek)).isInstanceOf(UnprocessableException.class);
        var response = api.post("/admin/v1/membership/leaderboards/" + thisWeek + "/rewards", operator, "");
        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void aShopperSeesTheirRankAndTheNeighbourhoodFromOrdersThroughKafka() {
        String leader = user("leader");
        String follower = user("follower");
        Instant now = Instant.now();
        // this week's board is shared with everything else that ordered this week: forget what earlier
        // runs left in this Redis database (the service rebuilds the board from this run's counts) and
        // let the leader out-buy whoever already leads this week
        String week = Weeks.of(now, java.time.ZoneId.of("Asia/Shanghai"));
        redis.delete(Leaderboard.key(week));
        long best = leaderboard.ranking(week, 1).stream()
                .mapToLong(Standing.Place::repurchases)
                .max()
                .orElse(0);
        int leaderOrders = (int) Math.max(7, best + 2);
        for (int i = 0; i < leaderOrders; i++) {
            kafka.publish(order(leader, now, "apple"));
        }
        for (int i = 0; i < 3; i++) {
            kafka.publish(order(follower, now, "pear"));
        }
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(standing(follower).get("repurchases").asLong())
                                .isEqualTo(2));
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(standing(leader).get("repurchases").asLong()).isEqualTo(leaderOrders - 1));

        var mine = standing(follower);
        long rank = mine.get("rank").asLong();
        assertThat(rank).isGreaterThan(1);
        var neighbours = mine.get("neighbourhood");
        assertThat(neighbours.findValuesAsString("user")).contains(follower);
        assertThat(neighbours.findValuesAsString("user")).doesNotContain(leader);
        var top = standing(leader).get("top");
        assertThat(top.get(0).get("you").asBoolean()).isTrue();
        assertThat(top.get(0).get("rank").asLong()).isEqualTo(1);
        assertThat(standing(user("nobody")).get("rank").isNull()).isTrue();
    }

    @Test
    void operatorsSeeAWeeksRankingAndPayIt() {
        String week = "2026-W04";
        String user = user("ops");
        repurchases(user, Instant.parse("2026-01-21T04:00:00Z"), 2);

        var paid = api.post("/admin/v1/membership/leaderboards/" + week + "/rewards", operator, "");
        assertThat(paid.status()).isEqualTo(200);
        assertThat(paid.json().get("rewards").findValuesAsString("userId")).containsExactly(user);
        var shown = api.get("/admin/v1/membership/leaderboards/" + week, operator);
        assertThat(shown.json().get("ranking").get(0).get("user").asString()).isEqualTo(user);
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'leaderboard.reward' and target = :t")
                        .param("t", "leaderboard:" + week)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(api.get("/admin/v1/membership/leaderboards/last-week", operator)
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/admin/v1/membership/leaderboards/" + week, TestTokens.shopper(user))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/membership/me/leaderboard?around=99", TestTokens.shopper(user))
                        .status())
                .isEqualTo(400);
    }

    private tools.jackson.databind.JsonNode standing(String user) {
        var response = api.get("/api/v1/membership/me/leaderboard?around=2", TestTokens.shopper(user));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** One first order, then {@code count} orders of the same SKU: {@code count} repurchases, each 10 yuan. */
    private void repurchases(String user, Instant at, int count) {
        for (int i = 0; i <= count; i++) {
            var order = order(user, at, "milk-1l");
            memberships.apply(order);
            leaderboard.recordOrder(order);
        }
    }

    private static long ordersPoints(int orders) {
        return orders * 10L;
    }

    private long leaderboardCredits(String user) {
        return jdbc.sql("select count(*) from points_ledger where user_id = :u and reason = 'leaderboard'")
                .param("u", user)
                .query(Long.class)
                .single();
    }

    private static String user(String name) {
        return "u-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static EventEnvelope<EventData> order(String user, Instant at, String... skus) {
        var lines = java.util.Arrays.stream(skus)
                .map(sku -> new OrderPlaced.Line(
                        sku, sku, "fresh", 1, BigDecimal.TEN.divide(BigDecimal.valueOf(skus.length))))
                .toList();
        EventEnvelope<?> event = EventEnvelope.of(
                "gateway-service",
                user,
                at,
                new OrderPlaced(
                        "o-" + UUID.randomUUID(),
                        "sh-pudong",
                        lines,
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        BigDecimal.TEN,
                        "wechat",
                        null));
        return (EventEnvelope) event;
    }

    private static <T> List<T> inParallel(int n, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
