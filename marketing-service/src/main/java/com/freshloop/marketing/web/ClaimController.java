package com.freshloop.marketing.web;

import com.freshloop.marketing.claims.Claims;
import com.freshloop.marketing.coupons.Coupon;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "flash claims")
class ClaimController {

    private final Claims claims;

    ClaimController(Claims claims) {
        this.claims = claims;
    }

    @PostMapping("/api/v1/marketing/me/claims/{templateId}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Claim one coupon of a limited template (publishes coupon.issued)")
    @ApiResponse(responseCode = "201", description = "claimed; the coupon")
    @ApiResponse(responseCode = "404", description = "no such template")
    @ApiResponse(responseCode = "409", description = "out of stock, or the caller holds the per-user limit")
    Coupon claim(@PathVariable UUID templateId) {
        return claims.claim(templateId, CurrentUser.id()).coupon();
    }
}
