package com.freshloop.membership.web;

import com.freshloop.membership.MembershipProperties;
import com.freshloop.membership.checkin.CheckIn;
import com.freshloop.membership.checkin.CheckInStatus;
import com.freshloop.membership.checkin.CheckIns;
import com.freshloop.membership.garden.Crop;
import com.freshloop.membership.garden.Garden;
import com.freshloop.membership.leaderboard.Leaderboard;
import com.freshloop.membership.leaderboard.Standing;
import com.freshloop.starter.security.CurrentUser;
import com.freshloop.starter.web.BadRequestException;
import com.freshloop.starter.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The shopper's games: daily check-in, the vegetable garden and the weekly repurchase leaderboard. */
@RestController
@Validated
@Tag(name = "membership games")
class GamesController {

    private final CheckIns checkIns;
    private final Garden garden;
    private final Leaderboard leaderboard;
    private final ZoneId defaultZone;

    GamesController(CheckIns checkIns, Garden garden, Leaderboard leaderboard, MembershipProperties properties) {
        this.checkIns = checkIns;
        this.garden = garden;
        this.leaderboard = leaderboard;
        this.defaultZone = properties.zone();
    }

    /** The shopper's IANA time zone (e.g. {@code Europe/Berlin}); the business zone when absent. */
    record CheckInRequest(@Size(max = 64) @Nullable String timeZone) {}

    record PlantRequest(@NotNull @Size(min = 1, max = 32) String crop) {}

    @PostMapping("/api/v1/membership/me/check-ins")
    @Operation(summary = "Check in for today (in the caller's time zone); pays daily points and streak rewards")
    @ApiResponse(responseCode = "201", description = "Checked in; the streak and the points paid")
    @ApiResponse(responseCode = "200", description = "Already checked in today; nothing paid")
    @ApiResponse(responseCode = "400", description = "Unknown time zone")
    ResponseEntity<CheckIn> checkIn(@RequestBody(required = false) @Valid @Nullable CheckInRequest request) {
        ZoneId zone = zone(request == null ? null : request.timeZone());
        CheckIn checkIn = checkIns.checkIn(CurrentUser.id(), zone);
        return ResponseEntity.status(checkIn.counted() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(checkIn);
    }

    @GetMapping("/api/v1/membership/me/check-ins")
    @Operation(summary = "The caller's live streak and recent check-in days")
    CheckInStatus checkIns(@RequestParam(required = false) @Size(max = 64) @Nullable String timeZone) {
        return checkIns.status(CurrentUser.id(), zone(timeZone));
    }

    @GetMapping("/api/v1/membership/me/garden")
    @Operation(summary = "The caller's growing crop")
    @ApiResponse(responseCode = "404", description = "Nothing is growing")
    Crop crop() {
        return garden.current(CurrentUser.id())
                .orElseThrow(() -> new NotFoundException("Nothing is growing; plant a crop first."));
    }

    @PostMapping("/api/v1/membership/me/garden")
    @Operation(summary = "Plant a crop; it grows from check-ins, orders and shares (capped per day)")
    @ApiResponse(responseCode = "201", description = "Planted")
    @ApiResponse(responseCode = "400", description = "Unknown crop")
    @ApiResponse(responseCode = "409", description = "A crop is already growing")
    ResponseEntity<Crop> plant(@RequestBody @Valid PlantRequest request) {
        if (!Garden.CROPS.contains(request.crop())) {
            throw new BadRequestException(
                    "crop", "must be one of " + Garden.CROPS.stream().sorted().toList());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(garden.plant(CurrentUser.id(), request.crop()));
    }

    @PostMapping("/api/v1/membership/me/garden/harvest")
    @Operation(summary = "Harvest the ripe crop for points")
    @ApiResponse(responseCode = "404", description = "Nothing is growing")
    @ApiResponse(responseCode = "409", description = "Not ripe yet")
    Crop harvest() {
        return garden.harvest(CurrentUser.id());
    }

    @GetMapping("/api/v1/membership/me/leaderboard")
    @Operation(summary = "This week's repurchase leaderboard: the leaders, the caller's rank and the places around it")
    Standing leaderboard(@RequestParam(defaultValue = "3") @Min(0) @Max(20) int around) {
        return leaderboard.standing(CurrentUser.id(), around);
    }

    private ZoneId zone(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return defaultZone;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new BadRequestException("timeZone", "unknown time zone");
        }
    }
}
