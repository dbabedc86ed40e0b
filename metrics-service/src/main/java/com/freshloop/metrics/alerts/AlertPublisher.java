package com.freshloop.metrics.alerts;

/** Publishes {@code metric.alert_raised}; returns once the broker acknowledged it, or throws. */
public interface AlertPublisher {

    void publish(RaisedAlert alert);
}
