package com.freshloop.supply.web;

import com.freshloop.supply.demand.DemandForecast;
import com.freshloop.supply.demand.DemandForecasts;
import com.freshloop.supply.demand.Replenishment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class DemandController {

    private final DemandForecasts forecasts;
    private final Replenishment replenishment;

    DemandController(DemandForecasts forecasts, Replenishment replenishment) {
        this.forecasts = forecasts;
        this.replenishment = replenishment;
    }

    @GetMapping("/admin/v1/supply/forecasts/{sku}/{region}")
    @Operation(
            summary = "Daily demand forecast of a SKU in a region from today (operators only)",
            description = "Fitted now on the whole days of history with the product forecaster (a combination of "
                    + "automatic ETS, automatic seasonal ARIMA, damped Holt and long-window means; TSB for slow "
                    + "movers), with 95 % prediction intervals.")
    @ApiResponse(responseCode = "200", description = "Mean and interval per day")
    @ApiResponse(responseCode = "400", description = "A malformed sku or region, or horizon outside 1..56")
    @ApiResponse(responseCode = "404", description = "No whole day of demand history")
    DemandForecast forecast(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String sku,
            @PathVariable @Pattern(regexp = InventoryController.CODE) String region,
            @RequestParam(defaultValue = "14") @Min(1) @Max(56) int horizon) {
        return forecasts.forecast(sku, region, horizon);
    }

    @GetMapping("/admin/v1/supply/replenishment/{sku}/{region}")
    @Operation(summary = "Safety stock, reorder point and suggested order of a SKU in a region (operators only)")
    @ApiResponse(responseCode = "200", description = "The suggestion")
    @ApiResponse(responseCode = "400", description = "A malformed sku or region")
    @ApiResponse(responseCode = "404", description = "No whole day of demand history")
    Replenishment.Suggestion suggestion(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String sku,
            @PathVariable @Pattern(regexp = InventoryController.CODE) String region) {
        return replenishment.suggest(sku, region);
    }

    @GetMapping("/admin/v1/supply/replenishment")
    @Operation(summary = "Replenishment suggestions for every SKU sold in a region, largest orders first")
    @ApiResponse(responseCode = "200", description = "The suggestions")
    @ApiResponse(responseCode = "400", description = "A missing or malformed region")
    List<Replenishment.Suggestion> suggestions(
            @RequestParam(required = false) @NotBlank @Pattern(regexp = InventoryController.CODE) String region) {
        return replenishment.suggest(region);
    }
}
