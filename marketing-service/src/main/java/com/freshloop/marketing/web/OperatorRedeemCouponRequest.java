package com.freshloop.marketing.web;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/** An operator uses a shopper's coupon on an order. */
record OperatorRedeemCouponRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String userId,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String orderId,
        @PositiveOrZero @Digits(integer = 10, fraction = 2) BigDecimal subtotal) {}
