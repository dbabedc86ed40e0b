/** HTTP in: alert rules and raised alerts for operators; every change is audited. */
@NullMarked
package com.freshloop.metrics.alerts.web;

import org.jspecify.annotations.NullMarked;
