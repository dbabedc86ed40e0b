package com.freshloop.metrics.kpi;

import static com.freshloop.metrics.Fixtures.at;
import static com.freshloop.metrics.Fixtures.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.events.EventEnvelope;
import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Every metric against expectations computed by hand from a small fixture, in a real ClickHouse.
 * Each test owns a calendar year (or month) of event time, so the tests share the context's
 * database without seeing each other's events; the numbers in the comments are the hand
 * computation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
class MetricsIT {

    @Autowired
    EventStore store;

    @Autowired
    RepurchaseRate repurchaseRate;

    @Autowired
    OrderValue orderValue;

    @Autowired
    CouponRedemption couponRedemption;

    @Autowired
    CampaignRecall campaignRecall;

    @Autowired
    PushEngagement push;

    @Autowired
    StockHealth stock;

    @Autowired
    SegmentSizes segmentSizes;

    @Autowired
    DemandActuals demand;

    final Fixtures f = new Fixtures();

    static Period period(String from, String to) {
        return Period.of(at(from), at(to));
    }

    @Test
    void repurchaseRateCountsCohortUsersWhoOrderedAgainWithinThirtyDays() {
        // cohort March 2021
        f.order("u1", "2021-03-01T10:00:00Z", 10, "east"); // anchor
        f.order("u1", "2021-03-20T10:00:00Z", 10, "east"); // 19 days later: repurchased
        f.order("u2", "2021-03-05T10:00:00Z", 10, "west");
        f.order("u2", "2021-04-10T10:00:00Z", 10, "west"); // 36 days later: too late
        f.order("u3", "2021-03-31T23:00:00Z", 10, "east");
        f.order("u3", "2021-04-29T23:00:00Z", 10, "east"); // after the period, 29 days later: repurchased
        f.order("u4", "2021-02-20T10:00:00Z", 10, "west"); // before the period: not an anchor
        f.order("u4", "2021-03-10T10:00:00Z", 10, "west"); // anchor, nothing after
        EventEnvelope<?> once = f.order("u5", "2021-03-15T10:00:00Z", 10, "east");
        f.add(once); // a redelivery is not a second order
        f.order("u6", "2021-03-08T10:00:00Z", 10, "west");
        f.order("u6", "2021-04-07T10:00:00Z", 10, "west"); // exactly 30 days later: still inside
        f.segment("u1", "2021-01-01T00:00:00Z", "Champions");
        f.segment("u2", "2021-01-01T00:00:00Z", "Champions");
        f.segment("u2", "2021-02-01T00:00:00Z", "At risk"); // u2's latest before the period ends
        f.segment("u3", "2021-01-01T00:00:00Z", "Champions");
        f.segment("u3", "2021-04-15T00:00:00Z", "Lost"); // after the period: ignored
        f.cluster("u1", "2021-01-01T00:00:00Z", 2, "busy parents");
        f.storeIn(store);
        Period march = period("2021-03-01T00:00:00Z", "2021-04-01T00:00:00Z");

        // 6 cohort users (u1..u6), repurchasers u1, u3, u6
        assertThat(repurchaseRate.compute(march, Slice.TOTAL, 30))
                .containsExactly(new RepurchaseRate.Row("total", 6, 3, 0.5, true));
        // the anchor order's region: east u1 u3 u5 (2 repurchased), west u2 u4 u6 (1)
        assertThat(repurchaseRate.compute(march, Slice.REGION, 30))
                .containsExactly(
                        new RepurchaseRate.Row("east", 3, 2, 2 / 3.0, true),
                        new RepurchaseRate.Row("west", 3, 1, 1 / 3.0, true));
        // latest segment before April: u1 u3 Champions (both), u2 At risk, u4 u5 u6 none (u6)
        assertThat(repurchaseRate.compute(march, Slice.SEGMENT, 30))
                .containsExactly(
                        new RepurchaseRate.Row("At risk", 1, 0, 0.0, true),
                        new RepurchaseRate.Row("Champions", 2, 2, 1.0, true),
                        new RepurchaseRate.Row("unknown", 3, 1, 1 / 3.0, true));
        assertThat(repurchaseRate.compute(march, Slice.CLUSTER, 30))
                .containsExactly(
                        new RepurchaseRate.Row("busy parents", 1, 1, 1.0, true),
                        new RepurchaseRate.Row("unknown", 5, 2, 0.4, true));
        // each day is its own cohort: u1 is in 03-01 (repurchased) and in 03-20 (not yet again)
        assertThat(repurchaseRate.compute(march, Slice.DAY, 30))
                .extracting(RepurchaseRate.Row::key, RepurchaseRate.Row::cohortUsers, RepurchaseRate.Row::repurchasers)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2021-03-01", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-05", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-08", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-10", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-15", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-20", 1L, 0L),
                        org.assertj.core.groups.Tuple.tuple("2021-03-31", 1L, 1L));
        // a 7-day window: nobody came back that fast
        assertThat(repurchaseRate.compute(march, Slice.TOTAL, 7))
                .containsExactly(new RepurchaseRate.Row("total", 6, 0, 0.0, true));
        // no orders, no cohort
        assertThat(repurchaseRate.compute(period("2021-06-01T00:00:00Z", "2021-07-01T00:00:00Z"), Slice.TOTAL, 30))
                .isEmpty();
    }

    @Test
    void repurchaseRateMarksCohortsWhoseWindowHasNotPassed() {
        String user = "fresh-" + UUID.randomUUID();
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        f.order(user, now.minusSeconds(3600).toString(), 10, "east");
        f.storeIn(store);

        assertThat(repurchaseRate.compute(Period.of(now.minusSeconds(7200), now), Slice.TOTAL, 30))
                .singleElement()
                .satisfies(row -> assertThat(row.complete()).isFalse());
    }

    @Test
    void averageOrderValueAndItsLiftOverABaselinePeriod() {
        // May 2022: 10, 20 (east), 30, 40 (west; delivered twice) -> 4 orders, 100, AOV 25
        f.order("a1", "2022-05-02T10:00:00Z", 10, "east");
        String noCampaign =
                f.order("a2", "2022-05-03T10:00:00Z", 20, "east").data().orderId();
        String withCoupon =
                f.order("a1", "2022-05-10T10:00:00Z", 30, "west").data().orderId();
        String alsoWithCoupon =
                f.add(f.order("a3", "2022-05-20T10:00:00Z", 40, "west")).data().orderId();
        // a1's 30 and a3's 40 redeemed coupons of campaign "may-boost" (a3's redemption redelivered);
        // a2's 20 redeemed a coupon of no campaign: no campaign either
        f.couponRedeemed("a1", "2022-05-10T10:00:05Z", "cp-1", "may-boost", withCoupon);
        f.add(f.couponRedeemed("a3", "2022-05-20T10:00:05Z", "cp-2", "may-boost", alsoWithCoupon));
        f.couponRedeemed("a2", "2022-05-03T10:00:05Z", "cp-3", "", noCampaign);
        // April 2022: 15, 20, 25 -> AOV 20
        f.order("a1", "2022-04-02T10:00:00Z", 15, "east");
        f.order("a2", "2022-04-03T10:00:00Z", 20, "east");
        f.order("a3", "2022-04-04T10:00:00Z", 25, "east");
        f.segment("a1", "2022-01-01T00:00:00Z", "Loyal");
        f.storeIn(store);
        Period may = period("2022-05-01T00:00:00Z", "2022-06-01T00:00:00Z");
        Period april = period("2022-04-01T00:00:00Z", "2022-05-01T00:00:00Z");

        assertThat(orderValue.compute(may, Slice.TOTAL)).containsExactly(new OrderValue.Row("total", 4, 100, 25.0));
        assertThat(orderValue.compute(may, Slice.REGION))
                .containsExactly(new OrderValue.Row("east", 2, 30, 15.0), new OrderValue.Row("west", 2, 70, 35.0));
        // a1's orders (10, 30) are Loyal; a2's and a3's (20, 40) have no segment
        assertThat(orderValue.compute(may, Slice.SEGMENT))
                .containsExactly(new OrderValue.Row("Loyal", 2, 40, 20.0), new OrderValue.Row("unknown", 2, 60, 30.0));
        // may-boost: 30 + 40 over 2 orders = 35; the other two (10, 20) have no campaign coupon
        assertThat(orderValue.compute(may, Slice.CAMPAIGN))
                .containsExactly(
                        new OrderValue.Row("may-boost", 2, 70, 35.0), new OrderValue.Row("unknown", 2, 30, 15.0));
        assertThat(orderValue.compute(may, Slice.MONTH))
                .containsExactly(new OrderValue.Row("2022-05-01", 4, 100, 25.0));

        OrderValue.Lift lift = orderValue.lift(may, april);
        assertThat(lift.current().aov()).isEqualTo(25.0);
        assertThat(lift.baseline().aov()).isEqualTo(20.0);
        assertThat(lift.lift()).isCloseTo(0.25, within(1e-12));
        // Welch: t = 5 / sqrt(166.67/4 + 25/3) = 0.7071, df = 4.075 (scipy ttest_ind equal_var=False)
        assertThat(lift.pValue()).isCloseTo(0.5178382614661361, within(1e-6));
    }

    @Test
    void averageOrderValueByExperimentVariantCountsOrdersFromTheFirstExposureOn() {
        String experiment = "rec-ranker-" + UUID.randomUUID();
        f.exposed("e1", "2022-06-02T00:00:00Z", experiment, "control");
        f.order("e1", "2022-06-03T00:00:00Z", 10, "east");
        f.order("e1", "2022-06-04T00:00:00Z", 30, "east"); // control: 10, 30 -> 20
        f.clicked("e2", "2022-06-02T00:00:00Z", experiment, "graph");
        f.order("e2", "2022-06-01T00:00:00Z", 100, "east"); // before the exposure: not counted
        f.order("e2", "2022-06-05T00:00:00Z", 50, "east");
        f.exposed("e3", "2022-06-20T00:00:00Z", experiment, "graph");
        f.exposed("e3", "2022-06-21T00:00:00Z", experiment, "control"); // the first exposure decides
        f.order("e3", "2022-06-10T00:00:00Z", 70, "east"); // before the exposure
        f.order("e3", "2022-06-25T00:00:00Z", 30, "east"); // graph: 50, 30 -> 40
        f.order("e4", "2022-06-25T00:00:00Z", 999, "east"); // never exposed
        f.storeIn(store);

        assertThat(orderValue.experiment(experiment, "control", period("2022-06-01T00:00:00Z", "2022-07-01T00:00:00Z")))
                .satisfiesExactly(
                        control -> assertThat(control)
                                .isEqualTo(new OrderValue.Variant("control", 1, 2, 40, 20.0, null, null)),
                        graph -> {
                            assertThat(graph.variant()).isEqualTo("graph");
                            assertThat(graph.buyers()).isEqualTo(2);
                            assertThat(graph.orders()).isEqualTo(2);
                            assertThat(graph.aov()).isEqualTo(40.0);
                            assertThat(graph.lift()).isCloseTo(1.0, within(1e-12));
                            // scipy ttest_ind([50, 30], [10, 30], equal_var=False)
                            assertThat(graph.pValue()).isCloseTo(0.29289321881345254, within(1e-6));
                        });
    }

    @Test
    void couponRedemptionRateIsRedeemedOverIssuedCouponsOfThePeriod() {
        f.couponIssued("k1", "2023-01-02T00:00:00Z", "c1", "camp-a", "no_threshold");
        f.couponRedeemed("k1", "2023-01-05T00:00:00Z", "c1", "camp-a");
        f.couponIssued("k2", "2023-01-03T00:00:00Z", "c2", "camp-a", "spend_save");
        f.couponIssued("k3", "2023-01-04T00:00:00Z", "c3", "camp-b", "no_threshold");
        f.add(f.couponRedeemed("k3", "2023-02-10T00:00:00Z", "c3", "camp-b")); // redeemed (twice delivered) later
        f.add(f.couponIssued("k1", "2023-01-06T00:00:00Z", "c4", "camp-b", "no_threshold")); // issue redelivered
        f.couponIssued("k2", "2023-01-07T00:00:00Z", "c6", "camp-b", "percentage");
        f.couponRedeemed("k2", "2023-01-08T00:00:00Z", "c6", "camp-b");
        f.couponIssued("k3", "2022-12-31T00:00:00Z", "c5", "camp-a", "no_threshold"); // issued before
        f.couponRedeemed("k3", "2023-01-02T00:00:00Z", "c5", "camp-a");
        f.storeIn(store);
        Period january = period("2023-01-01T00:00:00Z", "2023-02-01T00:00:00Z");

        // issued c1 c2 c3 c4 c6, redeemed c1 c3 c6
        assertThat(couponRedemption.compute(january, Slice.TOTAL))
                .containsExactly(new CouponRedemption.Row("total", 5, 3, 0.6));
        assertThat(couponRedemption.compute(january, Slice.CAMPAIGN))
                .containsExactly(
                        new CouponRedemption.Row("camp-a", 2, 1, 0.5),
                        new CouponRedemption.Row("camp-b", 3, 2, 2 / 3.0));
        assertThat(couponRedemption.compute(january, Slice.KIND))
                .containsExactly(
                        new CouponRedemption.Row("no_threshold", 3, 2, 2 / 3.0),
                        new CouponRedemption.Row("percentage", 1, 1, 1.0),
                        new CouponRedemption.Row("spend_save", 1, 0, 0.0));
    }

    @Test
    void campaignRecallComparesTreatmentWithItsControlGroup() {
        String campaign = "winback-" + UUID.randomUUID();
        f.campaignAssigned("t1", "2023-03-01T00:00:00Z", campaign, "treatment");
        f.order("t1", "2023-03-05T00:00:00Z", 10, "east"); // recalled
        f.campaignAssigned("t2", "2023-03-01T00:00:00Z", campaign, "treatment");
        f.order("t2", "2023-03-20T00:00:00Z", 10, "east"); // 19 days: not within 14
        f.couponIssued("t3", "2023-03-02T00:00:00Z", "rc-" + UUID.randomUUID(), campaign, "spend_save");
        f.order("t3", "2023-03-10T00:00:00Z", 10, "east"); // treatment by its coupon, recalled
        f.messageSent("t4", "2023-03-03T00:00:00Z", "rm-" + UUID.randomUUID(), "app_push", campaign); // treatment
        f.campaignAssigned("c1", "2023-03-01T00:00:00Z", campaign, "control");
        f.order("c1", "2023-03-04T00:00:00Z", 10, "east"); // recalled without the campaign
        f.campaignAssigned("c2", "2023-03-01T00:00:00Z", campaign, "control");
        f.campaignAssigned("c3", "2023-03-01T00:00:00Z", campaign, "CONTROL");
        f.order("c3", "2023-02-25T00:00:00Z", 10, "east"); // before the assignment
        f.campaignAssigned("c4", "2023-03-01T00:00:00Z", campaign, "control");
        f.storeIn(store);

        List<CampaignRecall.Row> rows =
                campaignRecall.compute(period("2023-03-01T00:00:00Z", "2023-04-01T00:00:00Z"), campaign, 14);

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.campaign()).isEqualTo(campaign);
            assertThat(row.treatment()).isEqualTo(new CampaignRecall.Group(4, 2, 0.5));
            assertThat(row.control()).isEqualTo(new CampaignRecall.Group(4, 1, 0.25));
            assertThat(row.lift()).isCloseTo(0.25, within(1e-12));
            assertThat(row.relativeLift()).isCloseTo(1.0, within(1e-12));
            // pooled 3/8, z = 0.25 / sqrt(3/8 * 5/8 * (1/4 + 1/4)) = 0.7303
            assertThat(row.pValue()).isCloseTo(0.46520881845214174, within(1e-9));
        });
        assertThat(campaignRecall.compute(period("2023-03-01T00:00:00Z", "2023-04-01T00:00:00Z"), null, 14))
                .extracting(CampaignRecall.Row::campaign)
                .contains(campaign);
    }

    @Test
    void pushOpenAndConversionRatesPerSentMessage() {
        String campaign = "push-" + UUID.randomUUID();
        f.messageSent("p1", "2023-06-01T10:00:00Z", "m1", "app_push", campaign);
        f.messageOpened("p1", "2023-06-01T10:05:00Z", "m1");
        f.order("p1", "2023-06-01T20:00:00Z", 10, "east"); // converted within 24 h
        f.messageSent("p2", "2023-06-01T10:00:00Z", "m2", "app_push", campaign);
        f.messageOpened("p2", "2023-06-01T11:00:00Z", "m2");
        f.order("p2", "2023-06-03T10:00:00Z", 10, "east"); // 48 h later: not converted
        f.messageSent("p3", "2023-06-02T09:00:00Z", "m3", "app_push", "other");
        f.order("p3", "2023-06-02T12:00:00Z", 10, "east"); // converted without opening
        f.messageSent("p4", "2023-06-02T09:00:00Z", "m4", "sms", campaign); // another channel
        f.add(f.messageSent("p5", "2023-06-02T09:00:00Z", "m5", "app_push", "other")); // sent twice
        f.storeIn(store);
        Period june = period("2023-06-01T00:00:00Z", "2023-07-01T00:00:00Z");

        assertThat(push.compute(june, Slice.TOTAL, "app_push", 24))
                .containsExactly(new PushEngagement.Row("total", 4, 2, 2, 0.5, 0.5));
        assertThat(push.compute(june, Slice.DAY, "app_push", 24))
                .containsExactly(
                        new PushEngagement.Row("2023-06-01", 2, 2, 1, 1.0, 0.5),
                        new PushEngagement.Row("2023-06-02", 2, 0, 1, 0.0, 0.5));
        assertThat(push.compute(june, Slice.CAMPAIGN, "app_push", 24))
                .containsExactly(
                        new PushEngagement.Row("other", 2, 0, 1, 0.0, 0.5),
                        new PushEngagement.Row(campaign, 2, 2, 1, 1.0, 0.5));
        assertThat(push.compute(june, Slice.TOTAL, null, 24))
                .containsExactly(new PushEngagement.Row("total", 5, 2, 2, 0.4, 0.4));
        // with 72 hours, p2's order counts too
        assertThat(push.compute(june, Slice.TOTAL, "app_push", 72))
                .containsExactly(new PushEngagement.Row("total", 4, 2, 3, 0.5, 0.75));
    }

    @Test
    void stockOutRateIsOutOfStockTimeOverTrackedTime() {
        f.stockOut("egg", "r1", "2023-08-31T12:00:00Z"); // out before the period...
        f.replenished("egg", "r1", "2023-09-01T06:00:00Z", 100); // ...6 h of 09-01
        f.stockOut("egg", "r1", "2023-09-02T18:00:00Z"); // 6 h to the period's end
        f.replenished("milk", "r1", "2023-08-01T00:00:00Z", 40); // tracked, always in stock
        f.add(f.stockOut("kale", "r2", "2023-09-02T12:00:00Z")); // first seen 09-02, delivered twice
        f.replenished("kale", "r2", "2023-09-02T15:00:00Z", 50); // 3 h
        f.storeIn(store);
        Period twoDays = period("2023-09-01T00:00:00Z", "2023-09-03T00:00:00Z");

        // 15 h out of 3 items x 48 h
        assertThat(stock.stockouts(twoDays, Slice.TOTAL))
                .containsExactly(new StockHealth.StockoutRow("total", 3, 15, 15 / 144.0));
        // 09-01: egg and milk tracked, 6 h of 48; 09-02: all three, 6 + 3 h of 72
        assertThat(stock.stockouts(twoDays, Slice.DAY))
                .containsExactly(
                        new StockHealth.StockoutRow("2023-09-01", 2, 6, 0.125),
                        new StockHealth.StockoutRow("2023-09-02", 3, 9, 0.125));
        assertThat(stock.stockouts(twoDays, Slice.REGION))
                .containsExactly(
                        new StockHealth.StockoutRow("r1", 2, 12, 0.125),
                        new StockHealth.StockoutRow("r2", 1, 3, 0.0625));
    }

    @Test
    void spoilageRateIsSpoiledOverReceivedUnits() {
        f.replenished("egg", "s1", "2023-10-01T06:00:00Z", 100);
        f.spoiled("egg", "s1", "2023-10-01T20:00:00Z", 10);
        f.replenished("kale", "s2", "2023-10-02T06:00:00Z", 50);
        f.add(f.spoiled("kale", "s2", "2023-10-02T20:00:00Z", 10)); // delivered twice
        f.replenished("kale", "s2", "2023-09-30T06:00:00Z", 500); // before the period
        f.storeIn(store);
        Period twoDays = period("2023-10-01T00:00:00Z", "2023-10-03T00:00:00Z");

        assertThat(stock.spoilage(twoDays, Slice.TOTAL))
                .containsExactly(new StockHealth.SpoilageRow("total", 150, 20, 20 / 150.0));
        assertThat(stock.spoilage(twoDays, Slice.REGION))
                .containsExactly(
                        new StockHealth.SpoilageRow("s1", 100, 10, 0.1),
                        new StockHealth.SpoilageRow("s2", 50, 10, 0.2));
        assertThat(stock.spoilage(twoDays, Slice.DAY))
                .containsExactly(
                        new StockHealth.SpoilageRow("2023-10-01", 100, 10, 0.1),
                        new StockHealth.SpoilageRow("2023-10-02", 50, 10, 0.2));
    }

    @Test
    void segmentSizesCountEachUsersLatestSegment() {
        // in the future, after every other fixture: the dashboard test's segment chart stays clean
        String gold = "gold-" + UUID.randomUUID();
        String silver = "silver-" + UUID.randomUUID();
        f.segment("g1", "2031-05-01T00:00:00Z", gold);
        f.segment("g2", "2031-05-02T00:00:00Z", gold);
        f.segment("g3", "2031-05-03T00:00:00Z", silver);
        f.segment("g3", "2031-05-20T00:00:00Z", gold); // g3 moved up
        f.segment("g4", "2031-06-15T00:00:00Z", silver); // after the instant
        f.storeIn(store);

        List<SegmentSizes.Row> sizes = segmentSizes.sizes(Slice.SEGMENT, at("2031-06-01T00:00:00Z"));

        assertThat(sizes).contains(new SegmentSizes.Row(gold, 3));
        assertThat(sizes).extracting(SegmentSizes.Row::segment).doesNotContain(silver);
    }

    @Test
    void forecastVsActualSumsOrderLinesPerDayBesideTheLatestForecast() {
        String egg = "egg-" + UUID.randomUUID();
        String milk = "milk-" + UUID.randomUUID();
        f.order("d1", "2024-02-01T08:00:00Z", 20, "r1", List.of(line(egg, 2), line(milk, 1)));
        f.add(f.order("d2", "2024-02-01T09:00:00Z", 15, "r1", List.of(line(egg, 3)))); // delivered twice
        f.order("d3", "2024-02-02T09:00:00Z", 20, "r2", List.of(line(milk, 4)));
        f.forecast(egg, "r1", "2024-02-01", 6, "2024-01-30T00:00:00Z");
        f.forecast(egg, "r1", "2024-02-01", 4, "2024-01-31T00:00:00Z"); // the latest forecast wins
        f.forecast(egg, "r1", "2024-02-02", 2.5, "2024-01-31T00:00:00Z");
        f.storeIn(store);
        Period twoDays = period("2024-02-01T00:00:00Z", "2024-02-03T00:00:00Z");

        assertThat(demand.compute(twoDays, egg, null))
                .isEqualTo(new DemandActuals.Report(
                        List.of(
                                new DemandActuals.Day("2024-02-01", 5, 4.0),
                                new DemandActuals.Day("2024-02-02", 0, 2.5)),
                        true));
        assertThat(demand.compute(twoDays, milk, null).days())
                .containsExactly(
                        new DemandActuals.Day("2024-02-01", 1, null), new DemandActuals.Day("2024-02-02", 4, null));
        assertThat(demand.compute(twoDays, null, "r2"))
                .isEqualTo(new DemandActuals.Report(List.of(new DemandActuals.Day("2024-02-02", 4, null)), false));
        assertThat(demand.compute(twoDays, null, "r1").days())
                .containsExactly(
                        new DemandActuals.Day("2024-02-01", 6, 4.0), new DemandActuals.Day("2024-02-02", 0, 2.5));
    }
}
