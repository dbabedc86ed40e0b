/** Benchmarks run from the service jar ({@code ./freshloop bench metrics}). */
@NullMarked
package com.freshloop.metrics.bench;

import org.jspecify.annotations.NullMarked;
