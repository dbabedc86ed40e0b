package com.freshloop.marketing.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A referral code a new user was given. */
record BindReferralRequest(
        @Schema(description = "the referrer's code, e.g. 7KQ2M9XA (case does not matter)")
        @NotBlank
        @Pattern(regexp = "[A-Za-z0-9]{4,16}")
        String code) {}
