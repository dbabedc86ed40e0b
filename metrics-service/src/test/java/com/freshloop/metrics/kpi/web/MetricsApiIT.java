package com.freshloop.metrics.kpi.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.metrics.Api;
import com.freshloop.metrics.Fixtures;
import com.freshloop.metrics.eventstore.EventStore;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** The metric endpoints' HTTP contract; the numbers themselves are tested in {@code MetricsIT}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsApiIT {

    private static final String RANGE = "from=2019-03-01T00:00:00Z&to=2019-04-01T00:00:00Z";

    @LocalServerPort
    int port;

    @Autowired
    EventStore store;

    Api api;
    final String operator = TestTokens.operator("ops-" + UUID.randomUUID());

    @BeforeAll
    void orders() {
        api = new Api(port);
        Fixtures f = new Fixtures();
        f.order("api-1", "2019-03-01T10:00:00Z", 12, "north");
        f.order("api-1", "2019-03-11T10:00:00Z", 18, "north");
        f.order("api-2", "2019-03-02T10:00:00Z", 30, "south");
        f.storeIn(store);
    }

    @Test
    void answersEachMetricWithItsDefinitionAndRows() {
        JsonNode report = get("/admin/v1/metrics/repurchase-rate?" + RANGE + "&groupBy=region");

        assertThat(report.path("metric").asString()).isEqualTo("repurchase_rate_30d");
        assertThat(report.path("definition").asString()).contains("cohort");
        assertThat(report.path("groupBy").asString()).isEqualTo("region");
        assertThat(report.path("from").asString()).isEqualTo("2019-03-01T00:00:00Z");
        assertThat(report.path("rows").toString())
                .isEqualTo("[{\"key\":\"north\",\"cohortUsers\":1,\"repurchasers\":1,\"rate\":1.0,\"complete\":true},"
                        + "{\"key\":\"south\",\"cohortUsers\":1,\"repurchasers\":0,\"rate\":0.0,\"complete\":true}]");
        assertThat(get("/admin/v1/metrics/aov?" + RANGE)
                        .path("rows")
                        .get(0)
                        .path("aov")
                        .asDouble())
                .isEqualTo(20.0);
        JsonNode lift = get("/admin/v1/metrics/aov/lift?" + RANGE);
        assertThat(lift.path("baseline").path("orders").asLong())
                .as("February 2019 has no orders")
                .isZero();
        assertThat(lift.path("current").path("orders").asLong()).isEqualTo(3);
        assertThat(lift.path("lift").isNull()).isTrue();
    }

    @Test
    void everyMetricEndpointAnswersForAnEmptyPeriod() {
        String empty = "from=2018-01-01T00:00:00Z&to=2018-01-02T00:00:00Z";
        for (String path : new String[] {
            "/admin/v1/metrics/repurchase-rate?groupBy=day&",
            "/admin/v1/metrics/aov?groupBy=cluster&",
            "/admin/v1/metrics/aov/experiments/exp-1?",
            "/admin/v1/metrics/coupon-redemption?groupBy=segment&",
            "/admin/v1/metrics/campaign-recall?",
            "/admin/v1/metrics/push?groupBy=kind&channel=all&",
            "/admin/v1/metrics/stockout-rate?groupBy=week&",
            "/admin/v1/metrics/spoilage-rate?groupBy=region&",
            "/admin/v1/metrics/forecast-vs-actual?sku=egg&",
            "/admin/v1/metrics/attribution?by=campaign&"
        }) {
            Api.Response response = api.get(path + empty, operator);
            assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
        }
        assertThat(api.get("/admin/v1/metrics/segments?kind=cluster&at=2018-01-01T00:00:00Z", operator)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void namesTheParameterItCannotUse() {
        assertField("/admin/v1/metrics/repurchase-rate?groupBy=campaign", "groupBy");
        assertField("/admin/v1/metrics/repurchase-rate?windowDays=0", "windowDays");
        assertField("/admin/v1/metrics/aov?from=2019-04-01T00:00:00Z&to=2019-03-01T00:00:00Z", "from");
        assertField("/admin/v1/metrics/aov?from=2015-01-01T00:00:00Z&to=2019-03-01T00:00:00Z", "from");
        assertField("/admin/v1/metrics/aov?from=soon", "from");
        assertField(
                "/admin/v1/metrics/aov/lift?" + RANGE
                        + "&baselineFrom=2019-05-01T00:00:00Z&baselineTo=2019-04-01T00:00:00Z",
                "baselineFrom");
        assertField("/admin/v1/metrics/push?channel=fax", "channel");
        assertField("/admin/v1/metrics/segments?kind=region", "kind");
        assertField("/admin/v1/metrics/segments?at=2200-01-01T00:00:00Z", "at");
        assertField("/admin/v1/metrics/campaign-recall?campaign=a%27b", "campaign");
        assertField("/admin/v1/metrics/stockout-rate?groupBy=campaign", "groupBy");
    }

    @Test
    void keepsShoppersOutAndDocumentsTheDefinitions() {
        assertThat(api.get("/admin/v1/metrics/repurchase-rate", TestTokens.shopper("eve"))
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/admin/v1/metrics/repurchase-rate", null).status()).isEqualTo(401);
        assertThat(get("/admin/v1/metrics/definitions").findValuesAsString("name"))
                .contains("repurchase_rate_30d", "campaign_recall_rate", "stockout_rate", "attribution");

        JsonNode docs = api.get("/v3/api-docs", null).body();
        assertThat(docs.path("paths").propertyNames())
                .contains(
                        "/admin/v1/metrics/repurchase-rate",
                        "/admin/v1/metrics/attribution",
                        "/admin/v1/metrics/alerts/rules",
                        "/api/v1/metrics/me/survey");
        assertThat(docs.path("paths")
                        .path("/admin/v1/metrics/campaign-recall")
                        .path("get")
                        .path("description")
                        .asString())
                .contains("campaign.assigned");
    }

    private JsonNode get(String path) {
        Api.Response response = api.get(path, operator);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    private void assertField(String path, String field) {
        Api.Response response = api.get(path, operator);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(400);
        assertThat(response.body().path("errors").findValuesAsString("field"))
                .as("%s", response.body())
                .contains(field);
    }
}
