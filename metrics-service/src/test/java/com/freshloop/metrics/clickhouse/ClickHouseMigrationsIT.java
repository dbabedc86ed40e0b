package com.freshloop.metrics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.clickhouse.client.api.Client;
import com.freshloop.testing.ClickHouseInfrastructure;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = "spring.kafka.listener.auto-startup=false")
@Import(ClickHouseInfrastructure.class)
class ClickHouseMigrationsIT {

    @Autowired
    ClickHouseTemplate clickHouse;

    @Autowired
    ClickHouseMigrations migrations;

    @Autowired
    ClickHouseProperties properties;

    record Version(int version) {}

    record Column(String name, String type) {}

    record Step(long step) {}

    record Database(String name) {}

    @Test
    void appliedTheServiceSchemaAtStartUp() {
        assertThat(clickHouse.query("SELECT version FROM schema_migrations ORDER BY version", Version.class))
                .containsExactly(new Version(1), new Version(2));
        assertThat(clickHouse.query(
                        "SELECT name, type FROM system.columns WHERE database = currentDatabase() AND table = 'events'",
                        Column.class))
                .containsExactly(
                        new Column("event_id", "UUID"),
                        new Column("type", "String"),
                        new Column("version", "UInt16"),
                        new Column("source", "String"),
                        new Column("subject", "String"),
                        new Column("event_time", "DateTime('UTC')"),
                        new Column("received_time", "DateTime('UTC')"),
                        new Column("data", "String"));
    }

    @Test
    void appliesNothingTwice() {
        assertThat(migrations.migrate()).isEmpty();
        assertThat(clickHouse.query("SELECT version FROM schema_migrations", Version.class))
                .hasSize(2);
    }

    @Test
    void appliesPendingScriptsInVersionOrderAndRecordsThem() {
        String database = properties.database() + "_ordered";
        try (Client client = ClickHouseConfiguration.newClient(
                new ClickHouseProperties(properties.url(), properties.username(), properties.password(), database))) {
            ClickHouseTemplate other = new ClickHouseTemplate(client);
            ClickHouseMigrations ordered = new ClickHouseMigrations(
                    other, database, "classpath:clickhouse/test-migrations/ordered/*.sql", Clock.systemUTC());

            assertThat(ordered.migrate())
                    .extracting(ClickHouseMigrations.Migration::version)
                    .containsExactly(1, 2, 10);
            assertThat(other.query("SELECT step FROM snapshot ORDER BY step", Step.class))
                    .containsExactly(new Step(1), new Step(2));
            assertThat(other.query("SELECT version FROM schema_migrations ORDER BY version", Version.class))
                    .containsExactly(new Version(1), new Version(2), new Version(10));
            assertThat(ordered.migrate()).isEmpty();
        } finally {
            clickHouse.execute("DROP DATABASE IF EXISTS " + database, "system");
        }
    }

    @Test
    void refusesToRunWhenAnAppliedScriptWasEdited() {
        ClickHouseMigrations edited = new ClickHouseMigrations(
                clickHouse,
                properties.database(),
                "classpath:clickhouse/test-migrations/edited/*.sql",
                Clock.systemUTC());

        assertThatIllegalStateException().isThrownBy(edited::migrate).withMessageContaining("was changed");
        assertThat(clickHouse.query("SELECT version FROM schema_migrations", Version.class))
                .hasSize(2);
    }

    @Test
    void runsStatementsInTheConfiguredDatabaseOnly() {
        assertThat(clickHouse.query("SELECT currentDatabase() AS name", Database.class))
                .isEqualTo(List.of(new Database(properties.database())));
    }
}
