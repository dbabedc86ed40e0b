package com.freshloop.marketing.web;

import com.freshloop.marketing.groupbuy.NewGroupBuyOffer;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A new group-buy offer; an unknown leader template answers 422. */
record CreateGroupBuyOfferRequest(
        @NotBlank @Size(max = 100) String name,

        @Schema(description = "members a team needs to complete, the leader included") @NotNull @Min(2) @Max(50)
        Integer teamSize,

        @Schema(description = "hours a team has to complete after it is opened") @NotNull @Min(1) @Max(168)
        Integer windowHours,

        @Schema(
                description =
                        "the coupon template the leader gets when the team completes: e.g. no_threshold worth the order (free) or a discount")
        @NotNull
        UUID leaderTemplateId) {

    NewGroupBuyOffer toCommand() {
        return new NewGroupBuyOffer(name.strip(), teamSize, windowHours, leaderTemplateId);
    }
}
