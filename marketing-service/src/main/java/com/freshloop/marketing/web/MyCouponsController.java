package com.freshloop.marketing.web;

import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.coupons.HeldCoupon;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "my coupons")
class MyCouponsController {

    private final Coupons coupons;

    MyCouponsController(Coupons coupons) {
        this.coupons = coupons;
    }

    /** The coupons one shopper holds. */
    record MyCoupons(String userId, List<HeldCoupon> coupons) {}

    @GetMapping("/api/v1/marketing/me/coupons")
    @Operation(summary = "The caller's coupons, newest first, with status (available, redeemed, expired) and expiry")
    MyCoupons mine() {
        String userId = CurrentUser.id();
        return new MyCoupons(userId, coupons.heldBy(userId));
    }
}
