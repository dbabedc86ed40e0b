/**
 * External context per region from the context topic and configuration: daily weather and the
 * holiday calendar, the regressors of the demand forecast.
 */
@NullMarked
package com.freshloop.supply.context;

import org.jspecify.annotations.NullMarked;
