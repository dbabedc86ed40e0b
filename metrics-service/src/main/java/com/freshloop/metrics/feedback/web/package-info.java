/** HTTP in: shoppers answer the survey, operators read the aggregates. */
@NullMarked
package com.freshloop.metrics.feedback.web;

import org.jspecify.annotations.NullMarked;
