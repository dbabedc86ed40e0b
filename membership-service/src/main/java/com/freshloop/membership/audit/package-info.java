/** The audit trail of operator writes, kept in the database of the data they change. */
@NullMarked
package com.freshloop.membership.audit;

import org.jspecify.annotations.NullMarked;
