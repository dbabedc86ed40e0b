/** Reacting to metric alerts: adjusting the win-back strategy and recording why. */
@NullMarked
package com.freshloop.marketing.strategy;

import org.jspecify.annotations.NullMarked;
