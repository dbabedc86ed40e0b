/**
 * Shoppers' "why did you come back" survey, and the repurchase blockers operators read from it and
 * from profile's {@code unhappy:<aspect>} tags.
 */
@NullMarked
package com.freshloop.metrics.feedback;

import org.jspecify.annotations.NullMarked;
