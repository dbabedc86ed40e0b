package com.freshloop.marketing.messages;

/**
 * A channel to shoppers (app push, SMS). Called inside the scheduler's transaction; a real gateway would
 * make its call idempotent by the message id.
 */
public interface MessageSender {

    void send(OutgoingMessage message);
}
