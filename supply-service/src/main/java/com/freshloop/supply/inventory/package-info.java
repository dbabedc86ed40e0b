/** Units on hand per SKU and region, changed by operators and by orders, and the stock events they cause. */
@NullMarked
package com.freshloop.supply.inventory;

import org.jspecify.annotations.NullMarked;
