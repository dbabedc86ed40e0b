/** Members: growth value and tier from orders, and a points balance kept by an append-only ledger. */
@NullMarked
package com.freshloop.membership.member;

import org.jspecify.annotations.NullMarked;
