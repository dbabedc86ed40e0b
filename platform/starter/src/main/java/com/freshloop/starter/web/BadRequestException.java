package com.freshloop.starter.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Bad input found by hand-written checks (HTTP 400); names the field like bean validation does. */
public class BadRequestException extends ApiException {

    public BadRequestException(String field, String message) {
        super(HttpStatus.BAD_REQUEST, field + ": " + message);
        getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }

    public BadRequestException(String detail, List<Map<String, String>> errors) {
        super(HttpStatus.BAD_REQUEST, detail);
        getBody().setProperty("errors", errors);
    }
}
