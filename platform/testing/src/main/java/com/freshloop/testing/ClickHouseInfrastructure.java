package com.freshloop.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.clickhouse.ClickHouseContainer;

/**
 * A real ClickHouse with a fresh database for the test context: a container when Docker exists,
 * otherwise the local server. Sets {@code freshloop.clickhouse.{url,username,password,database}}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityInfrastructure.class)
public class ClickHouseInfrastructure {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Container {
        @Bean(initMethod = "start", destroyMethod = "stop")
        ClickHouseContainer clickHouse() {
            return new ClickHouseContainer("clickhouse/clickhouse-server:24.8");
        }

        @Bean
        DynamicPropertyRegistrar clickHouseProperties(ClickHouseContainer clickHouse) {
            String database = TestDatabases.name();
            return registry -> {
                String url = "http://" + clickHouse.getHost() + ":" + clickHouse.getMappedPort(8123);
                createDatabase(url, clickHouse.getUsername(), clickHouse.getPassword(), database);
                registry.add("freshloop.clickhouse.url", () -> url);
                registry.add("freshloop.clickhouse.username", clickHouse::getUsername);
                registry.add("freshloop.clickhouse.password", clickHouse::getPassword);
                registry.add("freshloop.clickhouse.database", () -> database);
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.Not.class)
    static class Local {
        @Bean
        DynamicPropertyRegistrar localClickHouse() {
            String database = TestDatabases.name();
            String url = LocalServers.clickHouseUrl();
            String user = LocalServers.get("FRESHLOOP_CLICKHOUSE_USER", "default");
            String password = LocalServers.get("FRESHLOOP_CLICKHOUSE_PASSWORD", "");
            createDatabase(url, user, password, database);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    execute(url, user, password, "DROP DATABASE IF EXISTS " + database);
                } catch (RuntimeException ignored) {
                    // disposable
                }
            }));
            return registry -> {
                registry.add("freshloop.clickhouse.url", () -> url);
                registry.add("freshloop.clickhouse.username", () -> user);
                registry.add("freshloop.clickhouse.password", () -> password);
                registry.add("freshloop.clickhouse.database", () -> database);
            };
        }
    }

    static void createDatabase(String url, String user, String password, String database) {
        execute(url, user, password, "CREATE DATABASE IF NOT EXISTS " + database);
    }

    static java.util.List<String> query(String url, String user, String password, String sql) {
        String body = execute(url, user, password, sql);
        return body.isBlank()
                ? java.util.List.of()
                : java.util.List.of(body.strip().split("\n"));
    }

    static String execute(String url, String user, String password, String sql) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/"))
                    .timeout(Duration.ofSeconds(30))
                    .header("X-ClickHouse-User", user)
                    .header("X-ClickHouse-Key", password == null ? "" : password)
                    .POST(HttpRequest.BodyPublishers.ofString(sql))
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("ClickHouse " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "ClickHouse at " + url + " is not reachable (is it running? `./freshloop infra` starts it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
