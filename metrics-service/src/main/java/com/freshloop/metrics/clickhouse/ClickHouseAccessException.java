package com.freshloop.metrics.clickhouse;

/** A statement ClickHouse refused or could not be reached for; carries the statement for the log. */
public class ClickHouseAccessException extends RuntimeException {

    public ClickHouseAccessException(String message, Throwable cause) {
        super(message, cause);
    }
}
