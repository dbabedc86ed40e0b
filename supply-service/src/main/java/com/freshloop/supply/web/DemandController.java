package com.freshloop.supply.web;

import com.freshloop.supply.demand.DemandForecast;
import com.freshloop.supply.demand.DemandForecasts;
import com.freshloop.supply.demand.Replenishment;
import com.freshloop.supply.forecast.Holiday;
import com.freshloop.supply.forecast.Weather;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** Values for the forecast days that the stored context does not have (a what-if or a weather forecast). */
    record ForecastRequest(
            @Min(1) @Max(56) Integer horizon,
            @Size(max = 56) List<@Valid @NotNull SuppliedWeather> weather,
            @Size(max = 56) List<@Valid @NotNull SuppliedHoliday> holidays) {}

    /** The weather of one forecast day. */
    record SuppliedWeather(
            @NotNull LocalDate date,
            @NotNull @DecimalMin("-60") @DecimalMax("60") Double temperatureC,
            @NotBlank @Size(max = 64) String condition) {}

    /** A holiday of the region on a forecast day, with optional windows before and after it. */
    record SuppliedHoliday(
            @NotNull LocalDate date,
            @NotBlank @Size(max = 128) String name,
            @Min(0) @Max(14) Integer preDays,
            @Min(0) @Max(14) Integer postDays) {}

    @GetMapping("/admin/v1/supply/forecasts/{sku}/{region}")
    @Operation(
            summary = "Daily demand forecast of a SKU in a region from today (operators only)",
            description = "Fitted now on the whole days of history with the product forecaster (a combination of "
                    + "automatic ETS, automatic seasonal ARIMA, damped Holt and long-window means; TSB for slow "
                    + "movers), with 95 % prediction intervals. The region's holidays (configured calendar and "
                    + "holiday.declared) and weather (weather.observed; climatology or persistence for days without "
                    + "an observation) are regressors: the method name ends in +x(...) with those that AICc kept.")
    @ApiResponse(responseCode = "200", description = "Mean and interval per day")
    @ApiResponse(responseCode = "400", description = "A malformed sku or region, or horizon outside 1..56")
    @ApiResponse(responseCode = "404", description = "No whole day of demand history")
    DemandForecast forecast(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String sku,
            @PathVariable @Pattern(regexp = InventoryController.CODE) String region,
            @RequestParam(defaultValue = "14") @Min(1) @Max(56) int horizon) {
        return forecasts.forecast(sku, region, horizon);
    }

    @PostMapping("/admin/v1/supply/forecasts/{sku}/{region}")
    @Operation(
            summary = "Daily demand forecast with supplied weather and holidays for the forecast days (operators only)",
            description =
                    "As the GET, but the body may give the weather of forecast days (replacing stored observations "
                            + "and climatology: e.g. a weather forecast) and extra holidays of the region. Nothing is stored.")
    @ApiResponse(responseCode = "200", description = "Mean and interval per day")
    @ApiResponse(
            responseCode = "400",
            description =
                    "A malformed sku, region or body, a horizon outside 1..56, or a date outside the forecast days")
    @ApiResponse(responseCode = "404", description = "No whole day of demand history")
    DemandForecast forecastWith(
            @PathVariable @Pattern(regexp = InventoryController.CODE) String sku,
            @PathVariable @Pattern(regexp = InventoryController.CODE) String region,
            @RequestBody @Valid ForecastRequest request) {
        List<Weather.Observation> weather = request.weather() == null
                ? List.of()
                : request.weather().stream()
                        .map(w -> new Weather.Observation(w.date(), w.temperatureC(), w.condition()))
                        .toList();
        List<Holiday> holidays = request.holidays() == null
                ? List.of()
                : request.holidays().stream()
                        .map(h -> new Holiday(
                                region,
                                h.date(),
                                h.name(),
                                h.preDays() == null ? 0 : h.preDays(),
                                h.postDays() == null ? 0 : h.postDays()))
                        .toList();
        int horizon = request.horizon() == null ? 14 : request.horizon();
        return forecasts.forecast(sku, region, horizon, weather, holidays);
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
