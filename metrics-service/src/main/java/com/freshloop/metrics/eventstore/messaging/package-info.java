/** Kafka in: every platform topic, batch by batch, into the event store. */
@NullMarked
package com.freshloop.metrics.eventstore.messaging;

import org.jspecify.annotations.NullMarked;
