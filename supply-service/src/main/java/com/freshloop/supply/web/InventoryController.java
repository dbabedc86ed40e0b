package com.freshloop.supply.web;

import com.freshloop.starter.security.CurrentUser;
import com.freshloop.supply.inventory.Inventory;
import com.freshloop.supply.inventory.StockLevel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class InventoryController {

    /** SKU and region codes: letters, digits, '_', '.', '-'; ':' is reserved for the {@code sku:region} subject. */
    static final String CODE = "[A-Za-z0-9_.-]{1,64}";

    private final Inventory inventory;

    InventoryController(Inventory inventory) {
        this.inventory = inventory;
    }

    /** Whether a SKU can be bought in a region now. */
    record Availability(String sku, String region, int onHand, boolean available) {
        static Availability of(StockLevel level) {
            return new Availability(level.sku(), level.region(), level.onHand(), level.available());
        }
    }

    /** The new units on hand. */
    record SetStockRequest(
            @NotNull @PositiveOrZero @Max(10_000_000) Integer onHand) {}

    @GetMapping("/api/v1/supply/availability")
    @Operation(summary = "Availability of a SKU in a region")
    @ApiResponse(responseCode = "200", description = "Units on hand and whether the SKU is available")
    @ApiResponse(responseCode = "400", description = "A missing or malformed sku or region")
    @ApiResponse(responseCode = "404", description = "The SKU is not stocked in the region")
    Availability availability(
            @RequestParam(required = false) @NotBlank @Pattern(regexp = CODE) String sku,
            @RequestParam(required = false) @NotBlank @Pattern(regexp = CODE) String region) {
        return Availability.of(inventory.availability(sku, region));
    }

    @PutMapping("/admin/v1/supply/inventory/{sku}/{region}")
    @Operation(
            summary = "Set the units on hand of a SKU in a region (operators only, audited)",
            description = "Publishes stock.replenished when the level rises and stock.out when it drops to zero.")
    @ApiResponse(responseCode = "200", description = "The new level")
    @ApiResponse(responseCode = "400", description = "A malformed sku, region or onHand")
    Availability set(
            @PathVariable @Pattern(regexp = CODE) String sku,
            @PathVariable @Pattern(regexp = CODE) String region,
            @RequestBody @Valid SetStockRequest request) {
        return Availability.of(inventory.set(sku, region, request.onHand(), CurrentUser.name()));
    }
}
