/** marketing's own projection of shoppers: lifecycle stage, segment, region, active hour and usual SKUs. */
@NullMarked
package com.freshloop.marketing.audience;

import org.jspecify.annotations.NullMarked;
