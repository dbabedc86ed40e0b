/** The HTTP API: shopper availability and operator inventory updates. */
@NullMarked
package com.freshloop.supply.web;

import org.jspecify.annotations.NullMarked;
