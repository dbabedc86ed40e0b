package com.freshloop.membership.member;

import com.freshloop.membership.MembershipProperties;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/** Which tier a growth value earns, from the configured thresholds. */
@Component
class Tiers {

    private final List<MembershipProperties.Tier> ascending;

    Tiers(MembershipProperties properties) {
        this.ascending = properties.tiers().stream()
                .sorted(Comparator.comparing(MembershipProperties.Tier::minGrowth))
                .toList();
        if (ascending.get(0).minGrowth().signum() != 0) {
            throw new IllegalStateException(
                    "the lowest membership tier must start at growth 0, so every member has one");
        }
    }

    String entry() {
        return ascending.get(0).name();
    }

    String forGrowth(BigDecimal growth) {
        String tier = entry();
        for (MembershipProperties.Tier candidate : ascending) {
            if (growth.compareTo(candidate.minGrowth()) >= 0) {
                tier = candidate.name();
            }
        }
        return tier;
    }
}
