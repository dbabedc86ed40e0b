package com.freshloop.starter.web;

import org.springframework.http.HttpStatus;

/** The resource does not exist (HTTP NOT_FOUND). */
public class NotFoundException extends ApiException {
    public NotFoundException(String detail) {
        super(HttpStatus.NOT_FOUND, detail);
    }
}
