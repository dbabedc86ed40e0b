package com.freshloop.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Issue one coupon to a user; the same requestId always yields the same coupon. */
record IssueCouponRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}") String userId,

        @Schema(description = "idempotency key chosen by the caller")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9_.:-]{1,64}")
        String requestId) {}
