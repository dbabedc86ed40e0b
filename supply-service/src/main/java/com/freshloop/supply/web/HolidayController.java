package com.freshloop.supply.web;

import com.freshloop.supply.context.RegionContext;
import com.freshloop.supply.forecast.Holiday;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "supply")
class HolidayController {

    private final RegionContext context;

    HolidayController(RegionContext context) {
        this.context = context;
    }

    @GetMapping("/admin/v1/supply/holidays")
    @Operation(
            summary = "The holiday calendar the demand forecast uses in a region (operators only)",
            description = "The configured calendar (freshloop.supply.holidays.calendar, a CSV operators replace) plus "
                    + "the holidays declared on the context feed (POST /admin/v1/context/events, holiday.declared), "
                    + "for the region and for every region (*), by date.")
    @ApiResponse(responseCode = "200", description = "The holidays, with their pre- and post-holiday windows in days")
    @ApiResponse(responseCode = "400", description = "A missing or malformed region")
    List<Holiday> holidays(
            @RequestParam(required = false) @NotBlank @Pattern(regexp = InventoryController.CODE) String region) {
        return context.holidays(region);
    }
}
