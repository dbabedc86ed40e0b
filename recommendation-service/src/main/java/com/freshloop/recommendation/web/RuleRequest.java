package com.freshloop.recommendation.web;

import com.freshloop.recommendation.rules.RuleDraft;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A scenario rule as sent by an operator. */
record RuleRequest(
        @NotBlank @Size(max = 100) String name,

        @Schema(description = "time_of_day, weather or lifecycle")
        @NotBlank
        @Pattern(regexp = "time_of_day|weather|lifecycle", message = "must be time_of_day, weather or lifecycle")
        String kind,

        @Schema(description = "time_of_day: first local hour, 0-23") @Min(0) @Max(23) @Nullable
        Integer startHour,

        @Schema(description = "time_of_day: the hour it ends before, 1-24") @Min(1) @Max(24) @Nullable
        Integer endHour,

        @Schema(description = "weather: hot, cold or a condition such as rain")
        @Size(max = 16)
        @Pattern(regexp = "[a-z_]+", message = "must be a lower-case word")
        @Nullable
        String weather,

        @Schema(description = "lifecycle: new or regular")
        @Pattern(regexp = "new|regular", message = "must be new or regular")
        @Nullable
        String lifecycle,

        @Schema(description = "home (default), cart or any")
        @Pattern(regexp = "home|cart|any", message = "must be home, cart or any")
        @Nullable
        String context,

        @Schema(description = "items to show first; a regular lifecycle rule may leave them out (repurchase reminder)")
        @Size(max = 50)
        @Nullable
        List<@NotBlank @Size(max = 64) String> skus,

        @NotBlank @Size(max = 200) String reason,
        @Min(-1000) @Max(1000) @Nullable Integer priority,
        @Nullable Boolean enabled) {

    RuleDraft draft() {
        return new RuleDraft(
                name, kind, startHour, endHour, weather, lifecycle, context, skus, reason, priority, enabled);
    }
}
