/** The serving benchmark ({@code ./freshloop bench recommendations}). */
@NullMarked
package com.freshloop.recommendation.bench;

import org.jspecify.annotations.NullMarked;
