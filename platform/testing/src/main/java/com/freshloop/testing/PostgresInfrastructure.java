package com.freshloop.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real, empty PostgreSQL database for the test context: a container when Docker exists, otherwise
 * a fresh database on the local server (dropped when the test JVM exits).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityInfrastructure.class)
public class PostgresInfrastructure {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Container {
        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:15-alpine");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.Not.class)
    static class Local {
        @Bean
        DynamicPropertyRegistrar localPostgres() {
            String database = LocalPostgres.createDatabase();
            return registry -> {
                registry.add("spring.datasource.url", () -> LocalPostgres.url(database));
                registry.add("spring.datasource.username", LocalPostgres::adminUser);
                registry.add("spring.datasource.password", LocalPostgres::adminPassword);
            };
        }
    }

    /** Creates and drops throw-away databases on the local server with the admin role. */
    static final class LocalPostgres {

        private LocalPostgres() {}

        static String adminUser() {
            return LocalServers.get("FRESHLOOP_PG_ADMIN_USER", "freshloop");
        }

        static String adminPassword() {
            return LocalServers.require("FRESHLOOP_PG_ADMIN_PASSWORD");
        }

        static String url(String database) {
            return "jdbc:postgresql://" + LocalServers.pgHost() + ":" + LocalServers.pgPort() + "/" + database;
        }

        static String createDatabase() {
            String database =
                    "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            execute("create database " + database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    execute("drop database if exists " + database + " with (force)");
                } catch (RuntimeException ignored) {
                    // the server may already be gone; the database is disposable
                }
            }));
            return database;
        }

        private static void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url("postgres"), adminUser(), adminPassword());
                    Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL at " + url("postgres") + ": " + e.getMessage()
                                + " (is it running? `./freshloop infra` starts it)",
                        e);
            }
        }
    }
}
