package com.freshloop.events;

import java.util.List;

/**
 * The payload of an event. Each producer has one sealed sub-interface in its own versioned package
 * ({@code com.freshloop.events.<producer>.v1}) whose permitted records are the facts it publishes.
 */
public interface EventData {

    /**
     * Field-level rules a producer must respect before the event is published. Field names are
     * relative to the {@code data} object; an empty list means the payload is valid.
     */
    default List<Violation> violations() {
        return List.of();
    }
}
