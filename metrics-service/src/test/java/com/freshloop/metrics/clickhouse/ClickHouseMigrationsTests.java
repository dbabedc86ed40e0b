package com.freshloop.metrics.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import org.junit.jupiter.api.Test;

class ClickHouseMigrationsTests {

    @Test
    void splitsScriptsIntoStatementsIgnoringCommentLines() {
        String script = """
                -- a comment; with a semicolon
                CREATE TABLE IF NOT EXISTS a (x UInt8) ENGINE = Memory;

                  -- indented comment
                CREATE TABLE IF NOT EXISTS b (y String)
                ENGINE = Memory;
                """;

        assertThat(ClickHouseMigrations.statements(script))
                .containsExactly(
                        "CREATE TABLE IF NOT EXISTS a (x UInt8) ENGINE = Memory",
                        "CREATE TABLE IF NOT EXISTS b (y String)\nENGINE = Memory");
    }

    @Test
    void ordersScriptsByVersionNumberNotByName() {
        var migrations = migrations("classpath:clickhouse/test-migrations/ordered/*.sql");

        assertThat(migrations.load())
                .extracting(ClickHouseMigrations.Migration::version)
                .containsExactly(1, 2, 10);
    }

    @Test
    void refusesScriptsThatAreNotNamedByVersion() {
        var migrations = migrations("classpath:clickhouse/test-migrations/misnamed/*.sql");

        assertThatIllegalStateException().isThrownBy(migrations::load).withMessageContaining("V<n>__<what>.sql");
    }

    @Test
    void findsTheServiceSchema() {
        var migrations = migrations(ClickHouseMigrations.DEFAULT_LOCATION);

        assertThat(migrations.load()).first().satisfies(v1 -> {
            assertThat(v1.version()).isEqualTo(1);
            assertThat(v1.description()).isEqualTo("events");
            assertThat(v1.statements()).singleElement().asString().startsWith("CREATE TABLE IF NOT EXISTS events");
        });
    }

    private static ClickHouseMigrations migrations(String location) {
        return new ClickHouseMigrations(mock(ClickHouseTemplate.class), "unused", location, Clock.systemUTC());
    }
}
