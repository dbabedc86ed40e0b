/** Tamper-evident provenance per batch: a hash-chained append-only log and its verification. */
@NullMarked
package com.freshloop.supply.traceability;

import org.jspecify.annotations.NullMarked;
