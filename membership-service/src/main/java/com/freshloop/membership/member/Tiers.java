package com.freshloop.membership.member;

import com.freshloop.membership.MembershipProperties;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which tier a growth value earns and what each tier gives: the configured tiers, with any operator
 * overrides of thresholds and benefits from {@code tier_rule}. The set of tiers is configuration.
 */
@Component
class Tiers {

    private final List<MembershipProperties.Tier> configured;
    private final String paidTier;
    private final JdbcClient jdbc;

    Tiers(MembershipProperties properties, JdbcClient jdbc) {
        this.configured = properties.tiers().stream()
                .sorted(Comparator.comparing(MembershipProperties.Tier::minGrowth))
                .toList();
        this.paidTier = properties.paidTier();
        this.jdbc = jdbc;
        if (configured.get(0).minGrowth().signum() != 0) {
            throw new IllegalStateException(
                    "the lowest membership tier must start at growth 0, so every member has one");
        }
        if (configured.stream().noneMatch(t -> t.name().equals(paidTier))) {
            throw new IllegalStateException("membership.paid-tier must be one of membership.tiers");
        }
    }

    /** Lowest first. */
    List<TierRule> rules() {
        Map<String, TierRule> overrides = jdbc
                .sql("""
                        select tier, min_growth, free_delivery, member_prices, birthday_gift, exclusive_coupons
                          from tier_rule
                        """)
                .query((rs, i) -> new TierRule(
                        rs.getString(1),
                        rs.getBigDecimal(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getBoolean(5),
                        rs.getBoolean(6)))
                .list()
                .stream()
                .collect(Collectors.toMap(TierRule::tier, Function.identity()));
        return configured.stream()
                .map(t -> overrides.getOrDefault(
                        t.name(),
                        new TierRule(
                                t.name(),
                                t.minGrowth(),
                                t.freeDelivery(),
                                t.memberPrices(),
                                t.birthdayGift(),
                                t.exclusiveCoupons())))
                .sorted(Comparator.comparing(TierRule::minGrowth))
                .toList();
    }

    String entry() {
        return configured.get(0).name();
    }

    String paid() {
        return paidTier;
    }

    boolean exists(String tier) {
        return configured.stream().anyMatch(t -> t.name().equals(tier));
    }

    TierRule rule(String tier) {
        return rules().stream().filter(r -> r.tier().equals(tier)).findFirst().orElse(rules().get(0));
    }

    String forGrowth(BigDecimal growth) {
        String tier = entry();
        for (TierRule candidate : rules()) {
            if (growth.compareTo(candidate.minGrowth()) >= 0) {
                tier = candidate.tier();
            }
        }
        return tier;
    }

    /** Position from the bottom; a tier no longer configured counts as the entry tier. */
    int rank(String tier) {
        List<TierRule> rules = rules();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).tier().equals(tier)) {
                return i;
            }
        }
        return 0;
    }

    String higher(String a, String b) {
        return rank(b) > rank(a) ? b : a;
    }
}
