/** Spoilage simulation: ordering policies for perishables replayed over real daily demand. */
@NullMarked
package com.freshloop.supply.spoilage;

import org.jspecify.annotations.NullMarked;
