/** The audit trail of operator writes (rules, experiments, training runs). */
@NullMarked
package com.freshloop.recommendation.audit;

import org.jspecify.annotations.NullMarked;
