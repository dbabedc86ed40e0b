/** The operators' dashboard: static HTML and JavaScript under {@code /dashboard/}, drawing SVG charts. */
@NullMarked
package com.freshloop.metrics.dashboard.web;

import org.jspecify.annotations.NullMarked;
