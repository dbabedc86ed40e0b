package com.freshloop.metrics.clickhouse;

import com.clickhouse.client.api.Client;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClickHouseConfiguration {

    @Bean(destroyMethod = "close")
    Client clickHouseClient(ClickHouseProperties properties) {
        return newClient(properties);
    }

    static Client newClient(ClickHouseProperties properties) {
        return new Client.Builder()
                .addEndpoint(properties.url())
                .setUsername(properties.username())
                .setPassword(properties.password())
                // The client names the database in a header that 18.16 ignores (every statement then ran
                // in `default`); the `database` URL parameter is understood by every version.
                .setDefaultDatabase(properties.database())
                .serverSetting(ClickHouseTemplate.DATABASE_PARAMETER, properties.database())
                // 18.16 answers a request for compressed results with a body the client reads as
                // empty: every SELECT silently returned no rows. Uncompressed works everywhere.
                .compressServerResponse(false)
                .setClientName("metrics-service")
                .build();
    }

    @Bean
    ClickHouseTemplate clickHouseTemplate(Client clickHouseClient) {
        return new ClickHouseTemplate(clickHouseClient);
    }

    @Bean
    ClickHouseMigrations clickHouseMigrations(
            ClickHouseTemplate clickHouse,
            ClickHouseProperties properties,
            @Value("${freshloop.clickhouse.migrations:" + ClickHouseMigrations.DEFAULT_LOCATION + "}")
                    String location) {
        return new ClickHouseMigrations(clickHouse, properties.database(), location, Clock.systemUTC());
    }

    @Bean
    ClickHouseHealthIndicator clickHouseHealthIndicator(
            ClickHouseTemplate clickHouse, ClickHouseProperties properties) {
        return new ClickHouseHealthIndicator(clickHouse, properties);
    }
}
