package com.freshloop.events;

/**
 * Payload of an event whose type this reader does not know (yet). Tolerant readers skip it rather
 * than fail, so a producer can add event types before every consumer is upgraded.
 *
 * @param json the raw {@code data} object
 */
public record Unrecognised(String json) implements EventData {}
