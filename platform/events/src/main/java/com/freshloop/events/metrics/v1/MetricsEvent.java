package com.freshloop.events.metrics.v1;

import com.freshloop.events.EventData;

/** Alerts published by metrics-service; the subject is the rule id. */
public sealed interface MetricsEvent extends EventData permits MetricAlertRaised {}
