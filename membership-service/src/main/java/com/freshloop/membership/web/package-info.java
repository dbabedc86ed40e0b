/** The HTTP API: a shopper's own membership and points, and operator point grants. */
@NullMarked
package com.freshloop.membership.web;

import org.jspecify.annotations.NullMarked;
