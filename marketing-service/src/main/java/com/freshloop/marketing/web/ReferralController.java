package com.freshloop.marketing.web;

import com.freshloop.marketing.referrals.Binding;
import com.freshloop.marketing.referrals.MyReferrals;
import com.freshloop.marketing.referrals.Referrals;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "referrals")
class ReferralController {

    static final String DEVICE = "X-Device-Id";
    private static final String DEVICE_PATTERN = "[A-Za-z0-9_.:-]{1,128}";

    private final Referrals referrals;

    ReferralController(Referrals referrals) {
        this.referrals = referrals;
    }

    /** A shopper's referral code. */
    record Code(String userId, String code) {}

    @PostMapping("/api/v1/marketing/me/referral-code")
    @Operation(
            summary = "The caller's referral code to share (created on first ask; the same code afterwards)",
            description = "The optional X-Device-Id is remembered: a new user binding the code from that device is"
                    + " a self-referral.")
    @ApiResponse(responseCode = "200", description = "the code")
    @ApiResponse(responseCode = "400", description = "a malformed X-Device-Id")
    Code code(
            @Parameter(description = "the app's device id")
                    @RequestHeader(name = DEVICE, required = false)
                    @Pattern(regexp = DEVICE_PATTERN)
                    String deviceId) {
        String userId = CurrentUser.id();
        return new Code(userId, referrals.codeOf(userId, deviceId));
    }

    @PostMapping("/api/v1/marketing/me/referrals")
    @Operation(
            summary = "Bind a referral code as a new user; the referrer earns points on the caller's first order",
            description = "Idempotent: the same code again returns the binding with 200.")
    @ApiResponse(responseCode = "201", description = "bound; pending until the first order")
    @ApiResponse(responseCode = "200", description = "this code was bound before")
    @ApiResponse(responseCode = "400", description = "a malformed code or X-Device-Id")
    @ApiResponse(responseCode = "404", description = "no such code")
    @ApiResponse(responseCode = "409", description = "the caller was referred with another code already")
    @ApiResponse(
            responseCode = "422",
            description = "self-referral (the caller's own code, or the device the code was handed out to), or the"
                    + " caller has ordered before")
    ResponseEntity<Binding> bind(
            @Valid @RequestBody BindReferralRequest request,
            @Parameter(description = "the app's device id")
                    @RequestHeader(name = DEVICE, required = false)
                    @Pattern(regexp = DEVICE_PATTERN)
                    String deviceId) {
        Binding binding = referrals.bind(CurrentUser.id(), request.code(), deviceId);
        return ResponseEntity.status(binding.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(binding);
    }

    @GetMapping("/api/v1/marketing/me/referrals")
    @Operation(summary = "The caller's code, the users they referred (masked) and the points earned")
    MyReferrals mine() {
        return referrals.of(CurrentUser.id());
    }
}
