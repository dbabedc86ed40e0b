package com.freshloop.starter.web;

import org.springframework.http.HttpStatus;

/** The request is well-formed but breaks a business rule (HTTP UNPROCESSABLE_CONTENT). */
public class UnprocessableException extends ApiException {
    public UnprocessableException(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }
}
