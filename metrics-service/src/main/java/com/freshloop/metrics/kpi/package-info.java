/**
 * The repurchase loop's metrics, each computed in ClickHouse from the stored events and defined in
 * {@link com.freshloop.metrics.kpi.Definitions}: repurchase rate, order value and its lifts, coupon
 * redemption, campaign recall against control, push engagement, stock-outs and spoilage, segment sizes
 * and demand actuals.
 */
@NullMarked
package com.freshloop.metrics.kpi;

import org.jspecify.annotations.NullMarked;
