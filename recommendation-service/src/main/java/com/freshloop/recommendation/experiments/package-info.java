/**
 * A/B experiments on the recommendation algorithm: deterministic assignment by hashing the shopper and
 * the experiment, exposure logging (RecommendationExposed through the outbox), clicks and orders per
 * variant, a two-proportion z-test against the control and a sample-ratio-mismatch check.
 */
@NullMarked
package com.freshloop.recommendation.experiments;

import org.jspecify.annotations.NullMarked;
