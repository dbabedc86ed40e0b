package com.freshloop.deployment.services;

import static org.assertj.core.api.Assertions.assertThat;

import com.freshloop.deployment.Fixtures;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceCatalogTests {

    private final ServiceCatalog catalog = ServiceCatalog.of(Fixtures.repository());

    @Test
    void findsEveryServiceModuleWithThePortOfItsApplicationYml() {
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        catalog.names()
                .forEach(name ->
                        ports.put(name, catalog.service(name).orElseThrow().port()));

        assertThat(ports)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "gateway-service", 8080,
                        "profile-service", 8081,
                        "recommendation-service", 8082,
                        "marketing-service", 8083,
                        "supply-service", 8084,
                        "membership-service", 8085,
                        "metrics-service", 8086));
    }

    @Test
    void aDatabaseServiceNeedsItsDatabaseKafkaAndTheJwtSecretInAContainer() {
        assertThat(catalog.requiredEnv("supply-service"))
                .contains("DB_URL", "DB_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "FRESHLOOP_JWT_SECRET")
                .doesNotContain("DB_USERNAME", "SERVER_PORT");
    }

    @Test
    void theGatewayNeedsARouteToEveryService() {
        assertThat(catalog.requiredEnv("gateway-service"))
                .contains(
                        "PROFILE_SERVICE_URL",
                        "RECOMMENDATION_SERVICE_URL",
                        "MARKETING_SERVICE_URL",
                        "SUPPLY_SERVICE_URL",
                        "MEMBERSHIP_SERVICE_URL",
                        "METRICS_SERVICE_URL");
    }

    @Test
    void knownEnvironmentIsTheConfigurationsPlaceholdersPlusThePlatformConventions() {
        assertThat(catalog.knownEnv("metrics-service"))
                .contains("CLICKHOUSE_URL", "SERVER_PORT", "MANAGEMENT_SERVER_PORT", "KAFKA_BOOTSTRAP_SERVERS")
                .doesNotContain("PROFILE_SERVICE_URL");
    }

    @Test
    void aPlaceholderIsRequiredWithoutDefaultAsAnEmptySecretOrAsALocalhostEndpoint() {
        assertThat(new Placeholder("FRESHLOOP_JWT_SECRET", Optional.empty()).requiredInContainer())
                .isTrue();
        assertThat(new Placeholder("DB_PASSWORD", Optional.of("")).requiredInContainer())
                .isTrue();
        assertThat(new Placeholder("DB_URL", Optional.of("jdbc:postgresql://localhost:5432/x")).requiredInContainer())
                .isTrue();
        assertThat(new Placeholder("KAFKA_BOOTSTRAP_SERVERS", Optional.of("localhost:9092")).requiredInContainer())
                .isTrue();
        assertThat(new Placeholder("CORS_ALLOWED_ORIGINS", Optional.of("http://localhost:3000")).requiredInContainer())
                .isFalse();
        assertThat(new Placeholder("DB_USERNAME", Optional.of("profile")).requiredInContainer())
                .isFalse();
        assertThat(new Placeholder("FRESHLOOP_JWT_JWK_SET_URI", Optional.of("")).requiredInContainer())
                .isFalse();
    }

    @Test
    void placeholdersAreReadWithTheirDefaults() {
        assertThat(ServiceConfig.placeholders("url: ${DB_URL:jdbc:postgresql://localhost:5432/x}\n"
                        + "secret: ${FRESHLOOP_JWT_SECRET}\nname: ${spring.application.name}"))
                .containsOnlyKeys("DB_URL", "FRESHLOOP_JWT_SECRET")
                .containsEntry("DB_URL", new Placeholder("DB_URL", Optional.of("jdbc:postgresql://localhost:5432/x")))
                .containsEntry("FRESHLOOP_JWT_SECRET", new Placeholder("FRESHLOOP_JWT_SECRET", Optional.empty()));
    }
}
