/** Messages to shoppers: scheduled at their active hour, outside quiet hours, within frequency caps. */
@NullMarked
package com.freshloop.marketing.messages;

import org.jspecify.annotations.NullMarked;
