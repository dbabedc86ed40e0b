/**
 * Which touchpoints brought shoppers back: exact Shapley values over the channels of repurchase
 * journeys, beside last-touch attribution.
 */
@NullMarked
package com.freshloop.metrics.attribution;

import org.jspecify.annotations.NullMarked;
