package com.freshloop.metrics.eventstore.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.metrics.Api;
import com.freshloop.testing.ClickHouseInfrastructure;
import com.freshloop.testing.KafkaInfrastructure;
import com.freshloop.testing.TestTokens;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/** The HTTP contract: who may call what, and how bad input is answered. Same context as the ingestion test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({KafkaInfrastructure.class, ClickHouseInfrastructure.class})
class EventsApiIT {

    private static final String COUNT = "/admin/v1/metrics/events/count";

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    Api api;

    final String operator = TestTokens.operator("ops-" + UUID.randomUUID());

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    @Test
    void operatorsCountEventsWithOrWithoutFilters() {
        assertThat(api.get(COUNT, operator).status()).isEqualTo(200);
        Api.Response nobody = api.get(COUNT + "?subject=nobody-" + UUID.randomUUID(), operator);
        assertThat(nobody.status()).isEqualTo(200);
        assertThat(nobody.body().path("count").asLong()).isZero();
        assertThat(api.get(COUNT + "?type=&subject=&from=2024-01-01T00:00:00Z&to=2024-01-01T00:00:00Z", operator)
                        .body()
                        .path("count")
                        .asLong())
                .isZero();
    }

    @Test
    void rejectsCallersWithoutAToken() {
        assertProblem(api.get(COUNT, null), 401);
        assertProblem(api.get("/admin/v1/metrics/events/types", null), 401);
        assertProblem(api.get("/api/v1/metrics/me/activity", null), 401);
        assertProblem(api.get(COUNT, TestTokens.forged("mallory")), 401);
    }

    @Test
    void keepsShoppersOutOfOperatorEndpoints() {
        assertProblem(api.get(COUNT, TestTokens.shopper("alice")), 403);
        assertProblem(api.get("/admin/v1/metrics/events/types", TestTokens.shopper("alice")), 403);
    }

    @Test
    void namesTheFieldOfATimeThatIsNotAnIsoInstant() {
        Api.Response response = api.get(COUNT + "?from=yesterday", operator);

        assertProblem(response, 400);
        assertThat(response.body().path("errors").path(0).path("field").asString())
                .as("%s", response.body())
                .isEqualTo("from");
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        Api.Response response = api.get(COUNT + "?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z", operator);

        assertProblem(response, 400);
        assertThat(response.body().path("errors").path(0).path("field").asString())
                .as("%s", response.body())
                .isEqualTo("from");
        assertProblem(
                api.get("/admin/v1/metrics/events/types?from=2024-02-01T00:00:00Z&to=2024-01-01T00:00:00Z", operator),
                400);
    }

    @Test
    void refusesOverlongFilters() {
        Api.Response response = api.get(COUNT + "?type=" + "x".repeat(201), operator);

        assertProblem(response, 400);
        assertThat(response.body().path("errors").path(0).path("field").asString())
                .as("%s", response.body())
                .isEqualTo("type");
    }

    @Test
    void documentsItsApi() {
        Api.Response docs = api.get("/v3/api-docs", null);

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").propertyNames())
                .contains(COUNT, "/admin/v1/metrics/events/types", "/api/v1/metrics/me/activity");
    }

    @Test
    void isReadyWithClickHouseAndHasNoDataSource() {
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(context.getBeanNamesForType(DataSource.class)).isEmpty();
    }

    private static void assertProblem(Api.Response response, int status) {
        assertThat(response.status()).as("%s", response.body()).isEqualTo(status);
        if (status != 401) {
            assertThat(response.body().path("status").asInt()).isEqualTo(status);
        }
    }
}
