/** HTTP in: the audit trail for operators. */
@NullMarked
package com.freshloop.metrics.audit.web;

import org.jspecify.annotations.NullMarked;
