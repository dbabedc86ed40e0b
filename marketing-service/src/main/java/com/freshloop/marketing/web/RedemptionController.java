package com.freshloop.marketing.web;

import com.freshloop.marketing.coupons.Redemption;
import com.freshloop.marketing.coupons.Redemptions;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "coupon redemption")
class RedemptionController {

    private final Redemptions redemptions;

    RedemptionController(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @PostMapping("/api/v1/marketing/me/coupons/{couponId}/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Redeem one of the caller's coupons on an order (publishes coupon.redeemed)",
            description = "Exactly once: a replayed or racing redemption finds the coupon redeemed and gets 409.")
    @ApiResponse(responseCode = "201", description = "redeemed")
    @ApiResponse(responseCode = "404", description = "the caller holds no such coupon")
    @ApiResponse(responseCode = "409", description = "already redeemed, or expired; nothing changed")
    @ApiResponse(responseCode = "422", description = "the subtotal is below the spend_save threshold")
    Redemption redeem(@PathVariable UUID couponId, @Valid @RequestBody RedeemCouponRequest request) {
        return redemptions.redeem(couponId, CurrentUser.id(), request.orderId(), request.subtotal(), List.of());
    }

    @PostMapping("/admin/v1/marketing/coupons/{couponId}/redemptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Redeem a shopper's coupon on an order on their behalf (audited)")
    @ApiResponse(responseCode = "201", description = "redeemed")
    @ApiResponse(responseCode = "404", description = "the user holds no such coupon")
    @ApiResponse(responseCode = "409", description = "already redeemed, or expired; nothing changed")
    Redemption redeemFor(@PathVariable UUID couponId, @Valid @RequestBody OperatorRedeemCouponRequest request) {
        return redemptions.redeemFor(
                couponId, request.userId(), request.orderId(), request.subtotal(), CurrentUser.name());
    }
}
