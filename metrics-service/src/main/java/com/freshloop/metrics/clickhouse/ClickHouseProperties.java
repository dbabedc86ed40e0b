package com.freshloop.metrics.clickhouse;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the event store lives. The property names are the ones the platform's test infrastructure
 * sets, so a test gets its own database without any wiring here.
 *
 * @param url HTTP endpoint, e.g. {@code http://localhost:8123}
 * @param username ClickHouse user
 * @param password may be empty (the local server's {@code default} user has none)
 * @param database created at start-up if missing; a plain identifier because it is spliced into DDL
 */
@Validated
@ConfigurationProperties("freshloop.clickhouse")
public record ClickHouseProperties(
        @NotBlank String url,
        @NotBlank String username,
        @NotNull String password,

        @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "must be a plain identifier")
        String database) {}
