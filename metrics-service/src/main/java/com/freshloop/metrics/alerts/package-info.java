/**
 * Threshold rules on the metrics, evaluated on a schedule; a breach raises one {@code
 * metric.alert_raised} event. Rules, their state and the alerts raised live in ClickHouse.
 */
@NullMarked
package com.freshloop.metrics.alerts;

import org.jspecify.annotations.NullMarked;
