/** Coupon templates and the coupons issued from them, never more than the stock. */
@NullMarked
package com.freshloop.marketing.coupons;

import org.jspecify.annotations.NullMarked;
