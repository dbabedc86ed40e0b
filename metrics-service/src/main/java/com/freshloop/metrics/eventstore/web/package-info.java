/** HTTP in: event counts for operators, and each shopper's own activity. */
@NullMarked
package com.freshloop.metrics.eventstore.web;

import org.jspecify.annotations.NullMarked;
