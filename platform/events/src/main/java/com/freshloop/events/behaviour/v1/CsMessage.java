package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper wrote to customer service.
 *
 * @param conversationId the chat
 * @param text what they wrote
 */
public record CsMessage(String conversationId, String text) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("conversationId", conversationId)
                .notBlank("text", text)
                .done();
    }
}
