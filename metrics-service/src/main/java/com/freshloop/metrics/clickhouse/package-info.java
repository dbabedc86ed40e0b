/**
 * Access to ClickHouse: the client, a small template that keeps to what both Debian's ClickHouse
 * 18.16 and current ClickHouse understand, and the schema migrations applied at start-up.
 */
@NullMarked
package com.freshloop.metrics.clickhouse;

import org.jspecify.annotations.NullMarked;
