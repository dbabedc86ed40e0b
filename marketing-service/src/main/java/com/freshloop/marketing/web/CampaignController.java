package com.freshloop.marketing.web;

import com.freshloop.marketing.campaigns.AudiencePreview;
import com.freshloop.marketing.campaigns.Campaign;
import com.freshloop.marketing.campaigns.CampaignRun;
import com.freshloop.marketing.campaigns.Campaigns;
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
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@Validated
@RequestMapping("/admin/v1/marketing/campaigns")
@Tag(name = "campaigns (operators)")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    @PostMapping
    @Operation(summary = "Create a campaign (audited)")
    @ApiResponse(responseCode = "201", description = "created; Location names the campaign")
    @ApiResponse(responseCode = "400", description = "a field is missing or out of range")
    @ApiResponse(responseCode = "422", description = "a coupon template does not exist")
    ResponseEntity<Campaign> create(@Valid @RequestBody CampaignRequest request) {
        Campaign campaign = campaigns.create(request.toCommand(), CurrentUser.name());
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(campaign.id())
                .toUri();
        return ResponseEntity.created(location).body(campaign);
    }

    @GetMapping
    @Operation(summary = "All campaigns, newest first (the three targeting rules are seeded)")
    List<Campaign> list() {
        return campaigns.all();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One campaign")
    @ApiResponse(responseCode = "404", description = "no such campaign")
    Campaign get(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a campaign (audited)")
    @ApiResponse(responseCode = "404", description = "no such campaign")
    Campaign update(@PathVariable UUID id, @Valid @RequestBody CampaignRequest request) {
        return campaigns.update(id, request.toCommand(), CurrentUser.name());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a campaign (audited); issued coupons stay")
    @ApiResponse(responseCode = "404", description = "no such campaign")
    void delete(@PathVariable UUID id) {
        campaigns.delete(id, CurrentUser.name());
    }

    @GetMapping("/{id}/audience")
    @Operation(summary = "Preview the audience: how many shoppers it reaches now, control and treatment")
    @ApiResponse(responseCode = "404", description = "no such campaign")
    AudiencePreview preview(@PathVariable UUID id) {
        return campaigns.preview(id);
    }

    @PostMapping("/{id}/runs")
    @Operation(
            summary = "Run the campaign: issue its coupons to the treated part of the audience (audited)",
            description = "Idempotent per user: members assigned by an earlier run get nothing new.")
    @ApiResponse(responseCode = "404", description = "no such campaign")
    CampaignRun run(@PathVariable UUID id) {
        return campaigns.run(id, CurrentUser.name());
    }
}
