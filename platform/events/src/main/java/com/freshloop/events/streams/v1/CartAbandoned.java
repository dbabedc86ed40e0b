package com.freshloop.events.streams.v1;

import java.time.Instant;
import java.util.List;

/**
 * A user put items in the cart and did not order within the abandonment window.
 *
 * @param skus the products left in the cart
 * @param lastAddedAt when the last item was added
 */
public record CartAbandoned(List<String> skus, Instant lastAddedAt) implements StreamEvent {}
