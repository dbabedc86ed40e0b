package com.freshloop.events;

/**
 * One broken rule in an event: the JSON path of the field and what is wrong with it.
 *
 * @param field path of the field, e.g. {@code events[2].data.quantity}
 * @param message what is wrong, in words a client developer understands
 */
public record Violation(String field, String message) {

    /** The same violation with its field placed under {@code prefix}. */
    public Violation under(String prefix) {
        return new Violation(prefix.isEmpty() ? field : prefix + "." + field, message);
    }
}
