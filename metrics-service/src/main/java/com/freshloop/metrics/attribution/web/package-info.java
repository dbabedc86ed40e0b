/** HTTP in: attribution for operators. */
@NullMarked
package com.freshloop.metrics.attribution.web;

import org.jspecify.annotations.NullMarked;
