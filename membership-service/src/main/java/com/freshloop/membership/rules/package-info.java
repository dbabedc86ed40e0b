/** Reward amounts and caps: configured defaults with audited operator overrides. */
@NullMarked
package com.freshloop.membership.rules;

import org.jspecify.annotations.NullMarked;
