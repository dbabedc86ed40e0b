package com.freshloop.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** Use a coupon on an order. */
record RedeemCouponRequest(
        @Schema(description = "the order the coupon is used on") @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}")
        String orderId,

        @Schema(description = "the order's subtotal; checked against a spend_save threshold, the base of a percentage")
        @PositiveOrZero
        @Digits(integer = 10, fraction = 2)
        BigDecimal subtotal) {}
