package com.freshloop.events;

/** A record on a topic that is not a well-formed event; consumers send it to the dead-letter topic. */
public class EventDecodingException extends RuntimeException {
    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
