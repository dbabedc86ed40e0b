/**
 * Scenario rules operators manage: which items to put first by time of day (breakfast: milk and
 * bread), weather (hot: watermelon) or lifecycle (a first-order offer for new shoppers, repurchase
 * reminders for regulars). Every change is audited.
 */
@NullMarked
package com.freshloop.recommendation.rules;

import org.jspecify.annotations.NullMarked;
