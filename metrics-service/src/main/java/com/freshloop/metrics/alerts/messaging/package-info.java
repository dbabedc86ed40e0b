/** Kafka out: {@code metric.alert_raised} on the metrics topic. */
@NullMarked
package com.freshloop.metrics.alerts.messaging;

import org.jspecify.annotations.NullMarked;
