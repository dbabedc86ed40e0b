/** Wiring that is about the framework, not about a feature: Kafka containers, the API document. */
@NullMarked
package com.freshloop.metrics.config;

import org.jspecify.annotations.NullMarked;
