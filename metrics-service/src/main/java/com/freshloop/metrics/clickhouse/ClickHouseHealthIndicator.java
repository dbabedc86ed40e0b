package com.freshloop.metrics.clickhouse;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Readiness depends on it: without ClickHouse the service can neither store nor answer. */
public class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouseTemplate clickHouse;
    private final ClickHouseProperties properties;

    public ClickHouseHealthIndicator(ClickHouseTemplate clickHouse, ClickHouseProperties properties) {
        super("ClickHouse health check failed");
        this.clickHouse = clickHouse;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("database", properties.database());
        if (clickHouse.ping()) {
            builder.up();
        } else {
            builder.down().withDetail("url", properties.url());
        }
    }
}
