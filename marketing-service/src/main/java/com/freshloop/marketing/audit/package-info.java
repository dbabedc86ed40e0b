/** The audit trail of operator writes. */
@NullMarked
package com.freshloop.marketing.audit;

import org.jspecify.annotations.NullMarked;
