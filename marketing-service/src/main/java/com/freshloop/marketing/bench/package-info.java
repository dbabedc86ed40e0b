/** Benchmarks run from the command line against a running service, never by the application itself. */
@NullMarked
package com.freshloop.marketing.bench;

import org.jspecify.annotations.NullMarked;
