/** HTTP in: the metrics for operators, under {@code /admin/v1/metrics}. */
@NullMarked
package com.freshloop.metrics.kpi.web;

import org.jspecify.annotations.NullMarked;
