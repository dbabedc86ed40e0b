package com.freshloop.starter.web;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state (HTTP CONFLICT). */
public class ConflictException extends ApiException {
    public ConflictException(String detail) {
        super(HttpStatus.CONFLICT, detail);
    }
}
