package com.freshloop.starter.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Base of the platform's business errors; rendered as RFC 9457 problem details. */
public abstract class ApiException extends ErrorResponseException {

    protected ApiException(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
