/**
 * Daily demand history per SKU and region, forecasts (nightly batch and on demand), safety stock,
 * reorder points and replenishment suggestions.
 */
@NullMarked
package com.freshloop.supply.demand;

import org.jspecify.annotations.NullMarked;
