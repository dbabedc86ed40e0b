package com.freshloop.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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

        /**
         * A database named after this JVM's pid. Databases of test JVMs that are gone are dropped here,
         * not in a shutdown hook, which would race the application context still closing its pool.
         */
        static String createDatabase() {
            dropDatabasesOfDeadJvms();
            String database = TestDatabases.name();
            execute("create database " + database);
            return database;
        }

        private static void dropDatabasesOfDeadJvms() {
            try (Connection connection = DriverManager.getConnection(url("postgres"), adminUser(), adminPassword());
                    Statement statement = connection.createStatement();
                    var rs = statement.executeQuery("select datname from pg_database where datname like 'test\\_%'")) {
                java.util.List<String> stale = new java.util.ArrayList<>();
                while (rs.next()) {
                    if (TestDatabases.isStale(rs.getString(1))) {
                        stale.add(rs.getString(1));
                    }
                }
                for (String name : stale) {
                    try (Statement drop = connection.createStatement()) {
                        drop.execute("drop database if exists " + name + " with (force)");
                    } catch (SQLException ignored) {
                        // another JVM may be dropping it too
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(
                        "PostgreSQL at " + url("postgres") + ": " + e.getMessage()
                                + " (is it running? `./freshloop infra` starts it)",
                        e);
            }
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
