package com.freshloop.marketing.web;

import com.freshloop.marketing.audience.AudienceRule;
import com.freshloop.marketing.campaigns.NewCampaign;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** A campaign as an operator writes it. */
record CampaignRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Valid Audience audience,
        @NotEmpty @Size(max = 10) List<@NotNull UUID> templateIds,

        @Schema(description = "share of the audience held out as control, 0 to 0.5")
        @NotNull
        @DecimalMin("0.0")
        @DecimalMax("0.5")
        Double controlShare) {

    /** Each non-empty list must match (any of its values); all empty matches every known shopper. */
    record Audience(
            @Size(max = 10) List<@Pattern(regexp = "new|active|at_risk|silent_30d|churned") String> lifecycleStages,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> segments,
            @Size(max = 20) List<@NotBlank @Size(max = 128) String> tags) {}

    NewCampaign toCommand() {
        return new NewCampaign(
                name.strip(),
                new AudienceRule(audience.lifecycleStages(), audience.segments(), audience.tags()),
                templateIds,
                controlShare);
    }
}
