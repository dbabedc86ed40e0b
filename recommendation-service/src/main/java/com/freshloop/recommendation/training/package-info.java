/**
 * Trains the next-basket model from the service's own baskets on a schedule (and on an operator's
 * request): vocabulary, item-item CF, association rules, TIFU-KNN neighbours and the ranker's weights
 * tuned on a validation split of the shoppers' last baskets; stores the CF and rule tables for
 * operators and holds the current model in memory for serving.
 */
@NullMarked
package com.freshloop.recommendation.training;

import org.jspecify.annotations.NullMarked;
