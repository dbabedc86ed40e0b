package com.freshloop.marketing.web;

import com.freshloop.marketing.coupons.Kind;
import com.freshloop.marketing.coupons.NewCouponTemplate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** A new coupon template; kind-specific rules (e.g. spend_save needs threshold > value) answer 422. */
record CreateCouponTemplateRequest(
        @NotBlank @Size(max = 100) String name,

        @Schema(allowableValues = {"no_threshold", "spend_save", "percentage", "free_gift"})
        @NotNull
        @Pattern(regexp = Kind.PATTERN, message = "must be one of no_threshold, spend_save, percentage, free_gift")
        String kind,

        @Schema(description = "spend_save: the spend needed; must be greater than value")
        @Positive
        @Digits(integer = 10, fraction = 2)
        BigDecimal threshold,

        @Schema(description = "amount off; for percentage the percent off, 1 to 90; none for free_gift")
        @Positive
        @Digits(integer = 10, fraction = 2)
        BigDecimal value,

        @Schema(description = "free_gift only: the SKU given")
        @Size(min = 1, max = 64)
        @Pattern(regexp = "[A-Za-z0-9_.:-]+")
        String giftSku,

        @Schema(description = "days a coupon stays valid after issue") @NotNull @Min(1) @Max(365)
        Integer validDays,

        @Schema(description = "how many coupons may ever be issued") @NotNull @Min(1) @Max(100_000_000)
        Integer totalStock,

        @Schema(description = "how many coupons of this template one user may hold") @NotNull @Min(1) @Max(1_000)
        Integer perUserLimit,

        @Schema(
                description =
                        "optional budget cap: the total face value (value x coupons) the template may issue; amount-off kinds only")
        @Positive
        @Digits(integer = 12, fraction = 2)
        BigDecimal budget) {

    NewCouponTemplate toCommand() {
        return new NewCouponTemplate(
                name.strip(),
                Kind.of(kind).orElseThrow(),
                threshold,
                value,
                giftSku,
                validDays,
                totalStock,
                perUserLimit,
                budget);
    }
}
