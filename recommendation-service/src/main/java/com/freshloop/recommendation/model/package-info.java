/**
 * Next-basket models over dense integer item ids: popularity, personal repurchase (frequency, recency,
 * purchase cycle), item-item collaborative filtering, association rules, TIFU-KNN and the blended ranker.
 * Plain Java with no framework types, so that the offline evaluation and the online service run exactly
 * the same code.
 */
@NullMarked
package com.freshloop.recommendation.model;

import org.jspecify.annotations.NullMarked;
