/** The win-back campaign: coupons for silent and churned users, a control group, back-in-stock messages. */
@NullMarked
package com.freshloop.marketing.winback;

import org.jspecify.annotations.NullMarked;
