/** Delivery promises, rider positions and live ETAs, and compensation for late deliveries. */
@NullMarked
package com.freshloop.supply.fulfilment;

import org.jspecify.annotations.NullMarked;
