/** Kafka consumers: behaviour (orders, carts, views), context (weather), tags (due items), clicks. */
@NullMarked
package com.freshloop.recommendation.messaging;

import org.jspecify.annotations.NullMarked;
