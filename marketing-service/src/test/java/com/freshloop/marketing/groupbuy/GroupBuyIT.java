package com.freshloop.marketing.groupbuy;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.marketing.MarketingIntegrationTest;
import com.freshloop.marketing.MovableClock;
import com.freshloop.testing.ApiClient;
import com.freshloop.testing.TestTokens;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketingIntegrationTest
class GroupBuyIT {

    static final String OFFERS = "/admin/v1/marketing/group-buys";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MovableClock clock;

    @Autowired
    GroupBuys groupBuys;

    ApiClient api;
    String ops;
    String run;

    @BeforeEach
    void setUp() {
        api = ApiClient.local(port);
        ops = TestTokens.operator("ops");
        run = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aTeamThatCompletesGivesTheLeaderTheCouponAndRejectsFurtherJoins() {
        UUID offer = createOffer(3, 24);
        String leader = "lead-" + run;
        var opened = api.post(teamsOf(offer), shopper(leader), "");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String team = opened.json().get("id").asString();
        assertThat(opened.json().get("status").asString()).isEqualTo("open");
        assertThat(opened.json().get("members").asInt()).isEqualTo(1);

        // Opening again is idempotent: the same open team.
        var again = api.post(teamsOf(offer), shopper(leader), "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(team);

        // The leader cannot join their own team as a member.
        var self = api.post(membersOf(team), shopper(leader), "");
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.isProblem()).isTrue();

        var first = api.post(membersOf(team), shopper("m1-" + run), "");
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("members").asInt()).isEqualTo(2);
        // Joining twice changes nothing.
        var firstAgain = api.post(membersOf(team), shopper("m1-" + run), "");
        assertThat(firstAgain.status()).isEqualTo(200);
        assertThat(firstAgain.json().get("members").asInt()).isEqualTo(2);
        assertThat(leaderCoupons(leader)).isZero();

        var last = api.post(membersOf(team), shopper("m2-" + run), "");
        assertThat(last.status()).isEqualTo(201);
        assertThat(last.json().get("status").asString()).isEqualTo("completed");
        assertThat(last.json().get("members").asInt()).isEqualTo(3);
        String coupon = last.json().get("leaderCouponId").asString();

        var leaderCoupons =
                api.get("/api/v1/marketing/me/coupons", shopper(leader)).json().get("coupons");
        assertThat(leaderCoupons).hasSize(1);
        assertThat(leaderCoupons.get(0).get("couponId").asString()).isEqualTo(coupon);

        var full = api.post(membersOf(team), shopper("m3-" + run), "");
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("detail").asString()).contains("full");
        assertThat(leaderCoupons(leader)).isEqualTo(1);

        var mine = api.get("/api/v1/marketing/me/group-buy-teams", shopper("m1-" + run));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("teams")).hasSize(1);
        assertThat(api.get("/api/v1/marketing/me/group-buy-teams/" + team, shopper("m3-" + run))
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("completed");
    }

    @Test
    void nobodyIsInTwoTeamsOfOneOffer() {
        UUID offer = createOffer(3, 24);
        String a = api.post(teamsOf(offer), shopper("la-" + run), "")
                .json()
                .get("id")
                .asString();
        String b = api.post(teamsOf(offer), shopper("lb-" + run), "")
                .json()
                .get("id")
                .asString();
        assertThat(api.post(membersOf(a), shopper("m-" + run), "").status()).isEqualTo(201);
        var second = api.post(membersOf(b), shopper("m-" + run), "");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("another team");
        // A leader of one team cannot join another team of the offer, nor can a member open one.
        assertThat(api.post(membersOf(b), shopper("la-" + run), "").status()).isEqualTo(409);
        assertThat(api.post(teamsOf(offer), shopper("m-" + run), "").status()).isEqualTo(409);
    }

    @Test
    void parallelJoinsNeverOverfillATeam() throws Exception {
        UUID offer = createOffer(5, 24);
        String leader = "lead-" + run;
        String team =
                api.post(teamsOf(offer), shopper(leader), "").json().get("id").asString();

        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Integer> statuses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                // users 0..9 each send two joins at once
                String user = "p" + (i % 10) + "-" + run;
                Callable<Integer> join = () -> {
                    start.await();
                    return api.post(membersOf(team), shopper(user), "").status();
                };
                futures.add(pool.submit(join));
            }
            start.countDown();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(4);
        assertThat(statuses).allMatch(s -> s == 201 || s == 200 || s == 409);
        assertThat(jdbc.sql("select count(*) from group_buy_member where team_id = :t")
                        .param("t", UUID.fromString(team))
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);
        assertThat(groupBuys.team(UUID.fromString(team)).status()).isEqualTo(Team.COMPLETED);
        assertThat(leaderCoupons(leader)).isEqualTo(1);
    }

    @Test
    void anExpiredTeamReleasesEverythingAndRejectsJoins() {
        clock.set(Instant.parse("2026-03-02T02:00:00Z"));
        UUID offer = createOffer(3, 2);
        String leader = "lead-" + run;
        String team =
                api.post(teamsOf(offer), shopper(leader), "").json().get("id").asString();
        assertThat(api.post(membersOf(team), shopper("m-" + run), "").status()).isEqualTo(201);

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        var late = api.post(membersOf(team), shopper("late-" + run), "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains("expired");

        assertThat(groupBuys.expireDue()).isGreaterThanOrEqualTo(1);
        Team expired = groupBuys.team(UUID.fromString(team));
        assertThat(expired.status()).isEqualTo(Team.EXPIRED);
        assertThat(expired.leaderCouponId()).isNull();
        assertThat(leaderCoupons(leader)).isZero();
        assertThat(jdbc.sql("select count(*) from group_buy_member where team_id = :t")
                        .param("t", UUID.fromString(team))
                        .query(Integer.class)
                        .single())
                .isZero();

        // Released: the member and the leader may take part in the offer again.
        var reopened = api.post(teamsOf(offer), shopper("m-" + run), "");
        assertThat(reopened.status()).isEqualTo(201);
        String other = reopened.json().get("id").asString();
        assertThat(api.post(membersOf(other), shopper(leader), "").status()).isEqualTo(201);
    }

    @Test
    void offersAreValidatedAuditedAndOperatorsOnly() {
        var noTemplate = api.post(OFFERS, ops, offer(3, 24, UUID.randomUUID()));
        assertThat(noTemplate.status()).isEqualTo(422);
        assertThat(noTemplate.isProblem()).isTrue();

        var tooSmall = api.post(OFFERS, ops, offer(1, 24, UUID.fromString(NO_THRESHOLD_10)));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.json().get("errors").get(0).get("field").asString()).isEqualTo("teamSize");

        var badJson = api.post(OFFERS, ops, "{\"name\": ");
        assertThat(badJson.status()).isEqualTo(400);

        assertThat(api.post(OFFERS, shopper("u-" + run), offer(3, 24, UUID.fromString(NO_THRESHOLD_10)))
                        .status())
                .isEqualTo(403);

        UUID id = createOffer(3, 24);
        assertThat(api.get(OFFERS + "/" + id, ops).json().get("teamSize").asInt())
                .isEqualTo(3);
        assertThat(api.get(OFFERS + "/" + UUID.randomUUID(), ops).status()).isEqualTo(404);
        assertThat(jdbc.sql("select actor || ' ' || action from audit_log where target = :t")
                        .param("t", "group_buy_offer:" + id)
                        .query(String.class)
                        .single())
                .isEqualTo("ops group_buy_offer.create");

        assertThat(api.post(teamsOf(UUID.randomUUID()), shopper("u-" + run), "").status())
                .isEqualTo(404);
        assertThat(api.post(membersOf(UUID.randomUUID().toString()), shopper("u-" + run), "")
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/v1/marketing/me/group-buy-teams/not-a-uuid/members", shopper("u-" + run), "")
                        .status())
                .isEqualTo(400);
        assertThat(api.post(teamsOf(id), null, "").status()).isEqualTo(401);
    }

    static final String NO_THRESHOLD_10 = "00000000-0000-0000-0000-00000000a010";

    private UUID createOffer(int size, int hours) {
        var created = api.post(OFFERS, ops, offer(size, hours, UUID.fromString(NO_THRESHOLD_10)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private static String offer(int size, int hours, UUID template) {
        return """
                {"name": "team of %d", "teamSize": %d, "windowHours": %d, "leaderTemplateId": "%s"}
                """.formatted(size, size, hours, template);
    }

    private static String teamsOf(UUID offer) {
        return "/api/v1/marketing/me/group-buys/" + offer + "/teams";
    }

    private static String membersOf(String team) {
        return "/api/v1/marketing/me/group-buy-teams/" + team + "/members";
    }

    private static String shopper(String user) {
        return TestTokens.shopper(user);
    }

    private int leaderCoupons(String leader) {
        return jdbc.sql("select count(*) from coupon where user_id = :u and request_id like 'group-buy:%'")
                .param("u", leader)
                .query(Integer.class)
                .single();
    }
}
