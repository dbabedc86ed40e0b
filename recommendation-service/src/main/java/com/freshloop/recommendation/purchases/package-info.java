/** What shoppers bought, from order events, and the recommendations derived from it. */
@NullMarked
package com.freshloop.recommendation.purchases;

import org.jspecify.annotations.NullMarked;
