package com.freshloop.recommendation.serving;

/** Redis failed or its circuit breaker is open: serve the fallback. */
class StateUnavailable extends RuntimeException {

    StateUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
