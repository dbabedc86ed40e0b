package com.freshloop.membership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Membership rules that product owners tune without a release. Operators can override tier rules
 * and rewards at run time (stored in the database); these are the defaults.
 *
 * @param tiers the tiers, the growth value each starts at and its benefits; the lowest must start at 0
 * @param paidTier the tier a paid membership holds while it lasts
 * @param zone the business time zone: weeks, days of caps and grace periods are counted in it
 * @param growthWindowMonths tiers are recalculated from the growth value of this many recent months
 * @param rewards reward amounts and caps by name (see application.yml)
 */
@ConfigurationProperties("membership")
@Validated
public record MembershipProperties(
        @NotEmpty List<@Valid Tier> tiers,
        @DefaultValue("black_gold") @NotBlank String paidTier,
        @DefaultValue("Asia/Shanghai") @NotNull ZoneId zone,
        @DefaultValue("12") @Min(1) @Max(120) int growthWindowMonths,
        @DefaultValue Map<String, Long> rewards) {

    /**
     * @param name e.g. {@code green}, {@code black_gold}
     * @param minGrowth the growth value from which a member holds this tier
     */
    public record Tier(
            @NotBlank String name,
            @NotNull @PositiveOrZero BigDecimal minGrowth,
            boolean freeDelivery,
            boolean memberPrices,
            boolean birthdayGift,
            boolean exclusiveCoupons) {}
}
