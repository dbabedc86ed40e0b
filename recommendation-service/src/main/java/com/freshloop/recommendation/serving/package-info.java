/**
 * Serving: the shopper's precomputed list from Redis (recomputed on every order and after every
 * training run), cart and product complements, recent views, scenario rules on top, the experiment
 * variant, and a circuit breaker that falls back to popular items when Redis or the database fails.
 */
@NullMarked
package com.freshloop.recommendation.serving;

import org.jspecify.annotations.NullMarked;
