package com.freshloop.metrics.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.freshloop.metrics.Api;
import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.attribution.ChannelAttribution.Channel;
import com.freshloop.metrics.attribution.ChannelAttribution.Touchpoints;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Journeys built in ClickHouse from fixture events of August 2024, attributed by hand:
 *
 * <pre>
 *   at1 {coupon, push} last push        at4 {} organic (its coupon is older than 30 days)
 *   at2 {push} last push                at5 {coupon, membership_perk} last membership_perk
 *   at3 {coupon, recommendation} last recommendation   at6 {sms} last sms
 *   Shapley = each journey split equally: coupon 1.5, push 1.5, sms 1, recommendation 0.5,
 *   membership_perk 0.5 (sum 5 = 6 repurchases - 1 organic)
 * </pre>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttributionIT {

    static final Period AUGUST = Period.of(Fixtures.at("2024-08-01T00:00:00Z"), Fixtures.at("2024-09-01T00:00:00Z"));

    @Autowired
    EventStore store;

    @Autowired
    ChannelAttribution attribution;

    @LocalServerPort
    int port;

    @BeforeAll
    void journeys() {
        Fixtures f = new Fixtures();
        f.order("at1", "2024-07-01T00:00:00Z", 10, "east");
        f.couponIssued("at1", "2024-08-01T00:00:00Z", "atc-1", "summer", "no_threshold");
        f.messageSent("at1", "2024-08-05T00:00:00Z", "atm-1", "app_push", null);
        f.order("at1", "2024-08-10T00:00:00Z", 10, "east");

        f.order("at2", "2024-07-02T00:00:00Z", 10, "east");
        f.add(f.messageSent("at2", "2024-08-11T00:00:00Z", "atm-2", "app_push", null)); // delivered twice
        f.order("at2", "2024-08-12T00:00:00Z", 10, "east");

        f.order("at3", "2024-07-03T00:00:00Z", 10, "east");
        f.couponIssued("at3", "2024-08-13T00:00:00Z", "atc-3", null, "spend_save");
        f.clicked("at3", "2024-08-14T00:00:00Z", "exp", "a");
        f.order("at3", "2024-08-15T00:00:00Z", 10, "east");

        f.order("at4", "2024-07-04T00:00:00Z", 10, "east");
        f.couponIssued("at4", "2024-07-01T00:00:00Z", "atc-4", null, "spend_save"); // outside 30 days
        f.order("at4", "2024-08-20T00:00:00Z", 10, "east");

        f.couponIssued("at5", "2024-08-01T00:00:00Z", "atc-5", null, "no_threshold");
        f.order("at5", "2024-08-05T00:00:00Z", 10, "east"); // the first order ever: not a repurchase
        f.pointsCredited("at5", "2024-08-06T00:00:00Z", "order"); // points for an order: no perk
        f.pointsCredited("at5", "2024-08-24T00:00:00Z", "checkin");
        f.order("at5", "2024-08-25T00:00:00Z", 10, "east");

        f.order("at6", "2024-07-05T00:00:00Z", 10, "east");
        f.messageSent("at6", "2024-08-27T00:00:00Z", "atm-6", "sms", null);
        f.order("at6", "2024-08-28T00:00:00Z", 10, "east");
        f.storeIn(store);
    }

    @Test
    void attributesRepurchasesByShapleyValueAndByLastTouch() {
        ChannelAttribution.Report report = attribution.compute(AUGUST, 30, Touchpoints.CHANNEL);

        assertThat(report.repurchases()).isEqualTo(6);
        assertThat(report.organic()).isEqualTo(1);
        assertThat(report.merged()).isEmpty();
        assertThat(report.channels())
                .usingRecursiveFieldByFieldElementComparatorOnFields("channel", "lastTouch", "journeys")
                .containsExactly(
                        new Channel("coupon", 0, 0, 3),
                        new Channel("push", 0, 2, 2),
                        new Channel("sms", 0, 1, 1),
                        new Channel("membership_perk", 0, 1, 1),
                        new Channel("recommendation", 0, 1, 1));
        assertThat(report.channels()).extracting(Channel::shapley).containsExactly(1.5, 1.5, 1.0, 0.5, 0.5);
    }

    @Test
    void campaignsCanBePlayersOfTheirOwn() {
        ChannelAttribution.Report report = attribution.compute(AUGUST, 30, Touchpoints.CAMPAIGN);

        // at1's coupon belongs to campaign "summer": {campaign:summer, push}
        assertThat(report.channels())
                .filteredOn(c -> c.channel().equals("campaign:summer"))
                .singleElement()
                .satisfies(c -> assertThat(c.shapley()).isCloseTo(0.5, within(1e-9)));
        assertThat(report.channels())
                .filteredOn(c -> c.channel().equals("coupon"))
                .singleElement()
                .satisfies(c -> assertThat(c.shapley()).isCloseTo(1.0, within(1e-9)));
    }

    @Test
    void aShorterLookbackLosesOlderTouches() {
        // within 1 day: at2's push, at3's click, at5's perk, at6's sms; at1's touches are older
        ChannelAttribution.Report report = attribution.compute(AUGUST, 1, Touchpoints.CHANNEL);

        assertThat(report.organic()).isEqualTo(2);
        assertThat(report.channels())
                .extracting(Channel::channel, Channel::shapley)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("push", 1.0),
                        org.assertj.core.groups.Tuple.tuple("recommendation", 1.0),
                        org.assertj.core.groups.Tuple.tuple("membership_perk", 1.0),
                        org.assertj.core.groups.Tuple.tuple("sms", 1.0));
    }

    @Test
    void operatorsReadItOverHttp() {
        Api api = new Api(port);
        Api.Response response = api.get(
                "/admin/v1/metrics/attribution?from=2024-08-01T00:00:00Z&to=2024-09-01T00:00:00Z",
                TestTokens.operator("ops"));

        assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
        JsonNode report = response.body().path("report");
        assertThat(report.path("repurchases").asLong()).isEqualTo(6);
        assertThat(report.path("channels").get(0).path("channel").asString()).isEqualTo("coupon");
        assertThat(response.body().path("method").asString()).contains("shapley");
        assertThat(api.get("/admin/v1/metrics/attribution?by=touch", TestTokens.operator("ops"))
                        .body()
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("by");
    }
}
