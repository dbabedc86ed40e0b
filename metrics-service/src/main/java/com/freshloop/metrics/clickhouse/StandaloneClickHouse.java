package com.freshloop.metrics.clickhouse;

import com.clickhouse.client.api.Client;
import java.time.Clock;

/**
 * A client, a template and the service's schema outside Spring, for tools such as the benchmark:
 * the same settings that make the service's client work with 18.16 and current servers.
 */
public final class StandaloneClickHouse implements AutoCloseable {

    private final ClickHouseProperties properties;
    private final Client client;
    private final ClickHouseTemplate template;

    public StandaloneClickHouse(ClickHouseProperties properties) {
        this.properties = properties;
        this.client = ClickHouseConfiguration.newClient(properties);
        this.template = new ClickHouseTemplate(client);
    }

    public ClickHouseTemplate template() {
        return template;
    }

    /** Creates the database if needed and applies the service's migrations. */
    public void migrate() {
        new ClickHouseMigrations(
                        template, properties.database(), ClickHouseMigrations.DEFAULT_LOCATION, Clock.systemUTC())
                .migrate();
    }

    public void dropDatabase() {
        template.execute("DROP DATABASE IF EXISTS `" + properties.database() + "`", "system");
    }

    @Override
    public void close() {
        client.close();
    }
}
