/** Expiry countdown: a reminder at the user's active hour before an unused coupon expires. */
@NullMarked
package com.freshloop.marketing.reminders;

import org.jspecify.annotations.NullMarked;
