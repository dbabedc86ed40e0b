package com.freshloop.gateway.collector;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/** Bodies that are too large or not JSON get a problem response, never a 500. */
@RestControllerAdvice(assignableTypes = CollectorController.class)
class CollectorErrors {

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        if (hasCause(e, DataBufferLimitException.class)) {
            return problem(
                    HttpStatus.CONTENT_TOO_LARGE, "The batch is too large; send at most 500 events per request.");
        }
        return problem(HttpStatus.BAD_REQUEST, "The body must be JSON: {\"events\": [...]}.");
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "The batch is too large; send at most 500 events per request.");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
