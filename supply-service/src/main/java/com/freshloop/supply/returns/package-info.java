/** Returns: requests from the behaviour stream, pickup scheduling and refunds. */
@NullMarked
package com.freshloop.supply.returns;

import org.jspecify.annotations.NullMarked;
