/** The audit trail of operator writes, kept in the database of the data they change. */
@NullMarked
package com.freshloop.supply.audit;

import org.jspecify.annotations.NullMarked;
