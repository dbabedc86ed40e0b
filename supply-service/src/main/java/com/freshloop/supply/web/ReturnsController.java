package com.freshloop.supply.web;

import com.freshloop.starter.security.CurrentUser;
import com.freshloop.supply.returns.ReturnRequest;
import com.freshloop.supply.returns.Returns;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class ReturnsController {

    private final Returns returns;

    ReturnsController(Returns returns) {
        this.returns = returns;
    }

    record PickupRequest(@NotNull Instant pickupAt) {}

    record RefundRequest(
            @NotNull @DecimalMin("0.01") @DecimalMax("100000") @Digits(integer = 6, fraction = 2)
            BigDecimal amount) {}

    @GetMapping("/api/v1/supply/returns/me")
    @Operation(summary = "The caller's returns, newest first")
    @ApiResponse(responseCode = "200", description = "The returns")
    List<ReturnRequest> mine() {
        return returns.forShopper(CurrentUser.id());
    }

    @PostMapping("/admin/v1/supply/returns/{id}/pickup")
    @Operation(summary = "Schedule the pickup of a return (operators only, audited)")
    @ApiResponse(responseCode = "200", description = "The return")
    @ApiResponse(responseCode = "404", description = "Unknown return")
    @ApiResponse(responseCode = "409", description = "Already refunded")
    @ApiResponse(responseCode = "422", description = "A pickup time in the past")
    ReturnRequest pickup(@PathVariable UUID id, @RequestBody @Valid PickupRequest request) {
        return returns.schedulePickup(id, request.pickupAt(), CurrentUser.name());
    }

    @PostMapping("/admin/v1/supply/returns/{id}/refund")
    @Operation(
            summary = "Refund a return once (operators only, audited)",
            description = "Publishes refund.issued through the outbox.")
    @ApiResponse(responseCode = "200", description = "The refunded return")
    @ApiResponse(responseCode = "400", description = "A missing or malformed amount")
    @ApiResponse(responseCode = "404", description = "Unknown return")
    @ApiResponse(responseCode = "409", description = "Already refunded")
    ReturnRequest refund(@PathVariable UUID id, @RequestBody @Valid RefundRequest request) {
        return returns.refund(id, request.amount(), CurrentUser.name());
    }
}
