package com.freshloop.supply.web;

import com.freshloop.starter.security.CurrentUser;
import com.freshloop.supply.fulfilment.Delivery;
import com.freshloop.supply.fulfilment.Fulfilment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class DeliveryController {

    private final Fulfilment fulfilment;

    DeliveryController(Fulfilment fulfilment) {
        this.fulfilment = fulfilment;
    }

    /** Where the order is and when it will arrive. */
    record DeliveryView(
            String orderId,
            Instant promisedAt,
            @Nullable Instant eta,
            @Nullable Instant deliveredAt,
            @Nullable Double riderLat,
            @Nullable Double riderLon,
            boolean late) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(
                    d.orderId(), d.promisedAt(), d.eta(), d.deliveredAt(), d.riderLat(), d.riderLon(), d.late());
        }
    }

    /** A rider's position and the route distance still to go. */
    record RiderPosition(
            @NotNull @Pattern(regexp = InventoryController.CODE)
            String riderId,

            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @PositiveOrZero @DecimalMax("200000") Double remainingMetres) {}

    @PostMapping("/admin/v1/supply/deliveries/{orderId}/rider-position")
    @Operation(
            summary = "Report a rider's position for an order (dispatch, operator role; audited)",
            description = "Updates the live ETA; an ETA past the promise publishes delivery.late (once per order).")
    @ApiResponse(responseCode = "200", description = "The delivery with its new ETA")
    @ApiResponse(responseCode = "400", description = "A malformed position")
    @ApiResponse(responseCode = "404", description = "Unknown order")
    @ApiResponse(responseCode = "409", description = "The order was already delivered")
    DeliveryView riderPosition(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String orderId,
            @RequestBody @Valid RiderPosition position) {
        return DeliveryView.of(fulfilment.riderPosition(
                orderId,
                position.riderId(),
                position.lat(),
                position.lon(),
                position.remainingMetres(),
                CurrentUser.name()));
    }

    @GetMapping("/api/v1/supply/deliveries/me/{orderId}")
    @Operation(summary = "The caller's delivery: promise, rider position and live ETA")
    @ApiResponse(responseCode = "200", description = "The delivery")
    @ApiResponse(responseCode = "404", description = "No such order of the caller")
    DeliveryView mine(@PathVariable @Pattern(regexp = InventoryController.CODE) String orderId) {
        return DeliveryView.of(fulfilment.forShopper(orderId, CurrentUser.id()));
    }
}
