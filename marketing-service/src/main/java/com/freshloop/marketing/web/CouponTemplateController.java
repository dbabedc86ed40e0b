package com.freshloop.marketing.web;

import com.freshloop.marketing.coupons.Coupon;
import com.freshloop.marketing.coupons.CouponTemplate;
import com.freshloop.marketing.coupons.Coupons;
import com.freshloop.marketing.coupons.IssuedCoupon;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Validated
@RequestMapping("/admin/v1/marketing/coupon-templates")
@Tag(name = "coupon templates (operators)")
class CouponTemplateController {

    private final Coupons coupons;

    CouponTemplateController(Coupons coupons) {
        this.coupons = coupons;
    }

    @PostMapping
    @Operation(summary = "Create a coupon template (audited)")
    @ApiResponse(responseCode = "201", description = "created; Location names the template")
    @ApiResponse(responseCode = "400", description = "a field is missing or out of range")
    @ApiResponse(
            responseCode = "422",
            description = "a rule of the kind is broken, e.g. spend_save with threshold <= value, or a budget on a"
                    + " percentage or free_gift template")
    ResponseEntity<CouponTemplate> create(@Valid @RequestBody CreateCouponTemplateRequest request) {
        CouponTemplate template = coupons.createTemplate(request.toCommand(), CurrentUser.name());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(template.id())
                .toUri();
        return ResponseEntity.created(location).body(template);
    }

    @GetMapping
    @Operation(summary = "All coupon templates, newest first")
    List<CouponTemplate> list() {
        return coupons.templates();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One coupon template with how many coupons were issued")
    @ApiResponse(responseCode = "404", description = "no such template")
    CouponTemplate get(@PathVariable UUID id) {
        return coupons.template(id);
    }

    @PostMapping("/{id}/issues")
    @Operation(
            summary = "Issue a coupon of the template to a user (audited; publishes coupon.issued)",
            description = "Idempotent by requestId: repeating a request returns the same coupon with 200.")
    @ApiResponse(responseCode = "201", description = "issued")
    @ApiResponse(responseCode = "200", description = "this requestId was issued before; the same coupon")
    @ApiResponse(responseCode = "404", description = "no such template")
    @ApiResponse(
            responseCode = "409",
            description =
                    "out of stock, over the budget cap, the user holds the per-user limit, or the requestId was used"
                            + " for another coupon")
    ResponseEntity<Coupon> issue(@PathVariable UUID id, @Valid @RequestBody IssueCouponRequest request) {
        IssuedCoupon issued = coupons.issue(id, request.userId(), request.requestId(), CurrentUser.name());
        return ResponseEntity.status(issued.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(issued.coupon());
    }
}
