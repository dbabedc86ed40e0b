package com.freshloop.events.behaviour.v1;

import com.freshloop.events.Checks;
import com.freshloop.events.Violation;
import java.util.List;

/**
 * A shopper searched.
 *
 * @param keyword what they typed
 * @param resultCount how many products matched
 */
public record SearchPerformed(String keyword, int resultCount) implements BehaviourEvent {
    @Override
    public List<Violation> violations() {
        return Checks.start()
                .notBlank("keyword", keyword)
                .maxLength("keyword", keyword, 200)
                .between("resultCount", resultCount, 0, 1_000_000)
                .done();
    }
}
