/** Operator campaigns: an audience rule, coupon templates and a control group; previewed, then run. */
@NullMarked
package com.freshloop.marketing.campaigns;

import org.jspecify.annotations.NullMarked;
