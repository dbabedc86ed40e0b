/** Flash claims of limited coupons: the stock is taken atomically in Redis before the database issues. */
@NullMarked
package com.freshloop.marketing.claims;

import org.jspecify.annotations.NullMarked;
