package com.freshloop.membership.web;

import com.freshloop.membership.leaderboard.Leaderboard;
import com.freshloop.membership.leaderboard.Reward;
import com.freshloop.membership.leaderboard.Standing;
import com.freshloop.membership.leaderboard.Weeks;
import com.freshloop.membership.member.Memberships;
import com.freshloop.membership.member.TierRule;
import com.freshloop.membership.rules.RewardRules;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operators: tier rules, reward amounts and caps, and the weekly leaderboards. Every write is audited. */
@RestController
@Validated
@Tag(name = "membership rules")
class RulesController {

    static final String NAME = "[a-z0-9_-]{1,64}";

    private final Memberships memberships;
    private final RewardRules rewards;
    private final Leaderboard leaderboard;

    RulesController(Memberships memberships, RewardRules rewards, Leaderboard leaderboard) {
        this.memberships = memberships;
        this.rewards = rewards;
        this.leaderboard = leaderboard;
    }

    record TierRuleRequest(
            @NotNull @PositiveOrZero @DecimalMax("100000000")
            BigDecimal minGrowth,

            @NotNull Boolean freeDelivery,
            @NotNull Boolean memberPrices,
            @NotNull Boolean birthdayGift,
            @NotNull Boolean exclusiveCoupons) {}

    record RewardRuleRequest(
            @NotNull @Min(0) @Max(1_000_000) Long value) {}

    record WeekResult(String week, List<Standing.Place> ranking, List<Reward> rewards) {}

    @GetMapping("/admin/v1/membership/tier-rules")
    @Operation(summary = "Tier thresholds and benefits, lowest first")
    List<TierRule> tierRules() {
        return memberships.tierRules();
    }

    @PutMapping("/admin/v1/membership/tier-rules/{tier}")
    @Operation(summary = "Change a tier's threshold or benefits (audited)")
    @ApiResponse(responseCode = "404", description = "No such tier")
    @ApiResponse(responseCode = "422", description = "Thresholds would no longer order the tiers")
    TierRule setTierRule(
            @PathVariable @Pattern(regexp = NAME) String tier, @RequestBody @Valid TierRuleRequest request) {
        return memberships.setTierRule(
                new TierRule(
                        tier,
                        request.minGrowth(),
                        request.freeDelivery(),
                        request.memberPrices(),
                        request.birthdayGift(),
                        request.exclusiveCoupons()),
                CurrentUser.name());
    }

    @GetMapping("/admin/v1/membership/reward-rules")
    @Operation(summary = "Reward amounts and caps (check-in, streaks, reviews, garden, leaderboard, expiry)")
    Map<String, Long> rewardRules() {
        return rewards.all();
    }

    @PutMapping("/admin/v1/membership/reward-rules/{name}")
    @Operation(summary = "Change a reward amount or cap (audited)")
    @ApiResponse(responseCode = "404", description = "No such rule")
    Map<String, Long> setRewardRule(
            @PathVariable @Pattern(regexp = NAME) String name, @RequestBody @Valid RewardRuleRequest request) {
        rewards.set(name, request.value(), CurrentUser.name());
        return Map.of(name, request.value());
    }

    @GetMapping("/admin/v1/membership/leaderboards/{week}")
    @Operation(summary = "A week's repurchase ranking (ISO week, e.g. 2026-W48) and the rewards paid for it")
    WeekResult week(
            @PathVariable @Pattern(regexp = Weeks.PATTERN) String week,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int limit) {
        return new WeekResult(week, leaderboard.ranking(week, limit), leaderboard.rewards(week));
    }

    @PostMapping("/admin/v1/membership/leaderboards/{week}/rewards")
    @Operation(summary = "Pay an ended week's rewards now (audited); paying twice pays nothing more")
    @ApiResponse(responseCode = "422", description = "The week has not ended")
    WeekResult reward(@PathVariable @Pattern(regexp = Weeks.PATTERN) String week) {
        leaderboard.rewardWeekAudited(week, CurrentUser.name());
        return new WeekResult(week, leaderboard.ranking(week, 20), leaderboard.rewards(week));
    }
}
