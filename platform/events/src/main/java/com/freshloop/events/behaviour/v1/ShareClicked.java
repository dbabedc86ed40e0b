package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * Someone opened a share link (group-buy or referral).
 *
 * @param shareCode the code in the link
 * @param sharedBy user id of who shared it
 * @param channel where it was shared, e.g. {@code wechat}
 */
public record ShareClicked(String shareCode, String sharedBy, String channel) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("shareCode", shareCode)
                .notBlank("sharedBy", sharedBy)
                .maxLength("channel", channel, 32)
                .done();
    }
}
