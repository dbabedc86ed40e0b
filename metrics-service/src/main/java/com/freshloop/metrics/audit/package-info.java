/** What operators changed, kept in ClickHouse's {@code audit_log}. */
@NullMarked
package com.freshloop.metrics.audit;

import org.jspecify.annotations.NullMarked;
