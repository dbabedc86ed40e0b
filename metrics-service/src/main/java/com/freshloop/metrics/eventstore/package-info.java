/**
 * The event store: every event of every platform topic, kept in ClickHouse and counted by
 * distinct event id, so redelivered events never count twice.
 */
@NullMarked
package com.freshloop.metrics.eventstore;

import org.jspecify.annotations.NullMarked;
