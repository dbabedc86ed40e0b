/** Daily check-ins and streaks counted in the shopper's own time zone. */
@NullMarked
package com.freshloop.membership.checkin;

import org.jspecify.annotations.NullMarked;
