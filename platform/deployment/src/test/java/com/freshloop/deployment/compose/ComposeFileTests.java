package com.freshloop.deployment.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.Fixtures;
import com.freshloop.deployment.Repository;
import com.freshloop.deployment.Violation;
import com.freshloop.deployment.kubernetes.Expectations;
import com.freshloop.deployment.services.ServiceCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml against the rules and each service's application.yml; then the same file with
 * one thing broken, to show that the rules see it.
 */
class ComposeFileTests {

    private final ComposeRules rules = ComposeRules.of(Fixtures.repository());
    private final String compose = Repository.read(Fixtures.repository().composeFile());

    @Test
    void theComposeFileFollowsTheRules() {
        assertThat(rules.check(compose)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyLongRunningContainerHasAHealthcheckAndEveryContainerAMemoryLimit() {
        Map<String, Object> services =
                (Map<String, Object>) ComposeRules.parse(compose).get("services");

        assertThat(services)
                .containsKeys(
                        "kafka",
                        "postgres",
                        "redis",
                        "clickhouse",
                        "flink-jobmanager",
                        "flink-taskmanager",
                        "flink-submit",
                        "kafka-init");
        services.forEach((name, service) -> {
            Map<String, Object> s = (Map<String, Object>) service;
            assertThat(s).as(name).containsKey("deploy");
            if (!ComposeRules.isOneShot(s)) {
                assertThat(s).as(name).containsKey("healthcheck");
            }
        });
    }

    @Test
    void aServiceWithoutAHealthcheckIsReported() {
        String broken = Fixtures.replaceOnce(compose, """
                    healthcheck:
                      <<: *java-healthcheck
                      test: ["CMD", "healthcheck", "8080", "/actuator/health/readiness", "UP"]
                """, "");

        assertThat(rules.check(broken))
                .containsExactly(new Violation("compose service gateway-service", "has no healthcheck"));
    }

    @Test
    void aDependencyOnAContainerWithoutHealthcheckIsReportedForEveryDependent() {
        String broken = Fixtures.replaceOnce(compose, """
                    healthcheck:
                      test: ["CMD-SHELL", "redis-cli ping | grep -q PONG"]
                      interval: 5s
                      timeout: 3s
                      retries: 10
                """, "");

        List<Violation> violations = rules.check(broken);

        assertThat(violations).contains(new Violation("compose service redis", "has no healthcheck"));
        assertThat(violations)
                .filteredOn(v -> v.message().equals("waits for redis to be healthy, but redis has no healthcheck"))
                .extracting(Violation::subject)
                .containsExactlyInAnyOrder(
                        "compose service gateway-service",
                        "compose service profile-service",
                        "compose service recommendation-service",
                        "compose service marketing-service",
                        "compose service membership-service");
        assertThat(violations).hasSize(6);
    }

    @Test
    void aContainerWithoutAMemoryLimitIsReported() {
        String broken = Fixtures.replaceOnce(compose, """
                      retries: 10
                      start_period: 20s
                    deploy:
                      resources:
                        limits:
                          memory: 512M
                """, """
                      retries: 10
                      start_period: 20s
                """);

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service postgres", "has no memory limit (deploy.resources.limits.memory)"));
    }

    @Test
    void aDependencyWithoutAConditionIsReported() {
        String broken = Fixtures.replaceOnce(compose, """
                    depends_on:
                      flink-jobmanager:
                        condition: service_healthy
                    volumes:
                """, """
                    depends_on:
                      - flink-jobmanager
                    volumes:
                """);

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service flink-taskmanager",
                        "depends_on is a list: use {service: {condition: service_healthy}} so it waits for readiness"));
    }

    @Test
    void aSecretWithADefaultIsReported() {
        String broken = Fixtures.replaceOnce(
                compose,
                "DB_PASSWORD: ${DB_PASSWORD_SUPPLY:?set DB_PASSWORD_SUPPLY in .env (see .env.example)}",
                "DB_PASSWORD: ${DB_PASSWORD_SUPPLY:-supply}");

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service supply-service",
                        "env DB_PASSWORD must be ${VARIABLE:?message}: a secret has no default or literal value here"));
    }

    @Test
    void aMisspelledEnvironmentVariableIsUnknownAndTheRealOneMissing() {
        String broken = Fixtures.replaceOnce(
                compose, "DB_PASSWORD: ${DB_PASSWORD_MEMBERSHIP:?", "DB_PASWORD: ${DB_PASSWORD_MEMBERSHIP:?");

        assertThat(rules.check(broken))
                .containsExactly(
                        new Violation(
                                "compose service membership-service",
                                "env DB_PASWORD is not read by membership-service (not in its application.yml, the"
                                        + " starter's defaults or the platform conventions)"),
                        new Violation(
                                "compose service membership-service",
                                "env DB_PASSWORD is missing: membership-service needs it in a container"));
    }

    @Test
    void aPortThatDiffersFromTheApplicationsIsReported() {
        String broken = Fixtures.replaceOnce(compose, "      - \"8083\"\n", "      - \"8093\"\n");

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service marketing-service", "exposes [8093], but application.yml serves 8083"));
    }

    @Test
    void aGatewayRouteToTheWrongServiceIsReported() {
        String broken = Fixtures.replaceOnce(
                compose,
                "METRICS_SERVICE_URL: http://metrics-service:8086",
                "METRICS_SERVICE_URL: http://membership-service:8085");

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service gateway-service",
                        "METRICS_SERVICE_URL is http://membership-service:8085, not http://metrics-service:8086"));
    }

    @Test
    void aDatabaseTheServiceDoesNotWaitForIsReported() {
        String broken = Fixtures.replaceOnce(compose, """
                    depends_on:
                      kafka-init:
                        condition: service_completed_successfully
                      clickhouse:
                        condition: service_healthy
                """, """
                    depends_on:
                      kafka-init:
                        condition: service_completed_successfully
                """);

        assertThat(rules.check(broken))
                .containsExactly(new Violation(
                        "compose service metrics-service",
                        "CLICKHOUSE_URL points at clickhouse, but nothing in its depends_on waits for clickhouse"));
    }

    @Test
    void anUnpinnedImageAndAKafkaOtherThanThePlatformsAreReported() {
        String broken = compose.replace("image: apache/kafka:4.1.2", "image: apache/kafka:4.0.0")
                .replace("image: redis:7.4", "image: redis:latest");

        assertThat(rules.check(broken))
                .containsExactlyInAnyOrder(
                        new Violation(
                                "compose service kafka",
                                "image apache/kafka:4.0.0, but the platform is built against Kafka 4.1.2 (root pom"
                                        + " kafka.version)"),
                        new Violation(
                                "compose service kafka-init",
                                "image apache/kafka:4.0.0, but the platform is built against Kafka 4.1.2 (root pom"
                                        + " kafka.version)"),
                        new Violation("compose service redis", "image redis:latest is not pinned to a version"));
    }

    @Test
    void aTopicTheInitialiserForgetsIsReported() {
        String broken = Fixtures.replaceOnce(compose, " freshloop.membership.v1 ", " ");

        assertThat(rules.check(broken))
                .containsExactly(
                        new Violation("compose service kafka-init", "does not create topic freshloop.membership.v1"),
                        new Violation(
                                "compose service kafka-init", "does not create topic freshloop.membership.v1.dlt"));
    }

    @Test
    void aSecretMissingFromTheEnvExampleIsReported() {
        ComposeRules withoutClickHouse = new ComposeRules(
                Fixtures.repository().root(),
                ServiceCatalog.of(Fixtures.repository()),
                Expectations.of(Fixtures.repository()),
                ComposeRules.envFileKeys(Repository.read(Fixtures.repository().envExample())
                        .replace("CLICKHOUSE_PASSWORD=", "# CLICKHOUSE_PASSWORD=")));

        assertThat(withoutClickHouse.check(compose))
                .extracting(Violation::toString)
                .containsExactlyInAnyOrder(
                        "compose service clickhouse: env CLICKHOUSE_PASSWORD needs ${CLICKHOUSE_PASSWORD}, which"
                                + " .env.example does not list",
                        "compose service metrics-service: env CLICKHOUSE_PASSWORD needs ${CLICKHOUSE_PASSWORD}, which"
                                + " .env.example does not list");
    }
}
