package com.freshloop.membership;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Membership rules that product owners tune without a release.
 *
 * @param tiers the tiers and the growth value each starts at; the lowest must start at 0
 */
@ConfigurationProperties("membership")
@Validated
public record MembershipProperties(@NotEmpty List<@Valid Tier> tiers) {

    /**
     * @param name e.g. {@code green}, {@code black_gold}
     * @param minGrowth the growth value from which a member holds this tier
     */
    public record Tier(
            @NotBlank String name, @NotNull @PositiveOrZero BigDecimal minGrowth) {}
}
