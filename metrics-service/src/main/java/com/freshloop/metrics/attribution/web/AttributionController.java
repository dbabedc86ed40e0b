package com.freshloop.metrics.attribution.web;

import com.freshloop.metrics.attribution.ChannelAttribution;
import com.freshloop.metrics.kpi.Definitions;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.web.RequestPeriods;
import com.freshloop.starter.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Attribution (operators)", description = "What brought shoppers back")
class AttributionController {

    private final ChannelAttribution attribution;
    private final Clock clock;

    AttributionController(ChannelAttribution attribution, Clock clock) {
        this.attribution = attribution;
        this.clock = clock;
    }

    /**
     * @param from period start
     * @param to period end
     * @param lookbackDays the journey window before each repurchase
     * @param by channel or campaign
     * @param method how credit is assigned
     */
    record AttributionResponse(
            Instant from, Instant to, int lookbackDays, String by, String method, ChannelAttribution.Report report) {}

    @GetMapping("/admin/v1/metrics/attribution")
    @Operation(
            summary = "Shapley-value and last-touch attribution of repurchases",
            description = Definitions.ATTRIBUTION
                    + " With by=campaign, touches of a campaign are players of their own (campaign:<id>); beyond 12"
                    + " players the least frequent are merged into `other` so the Shapley values stay exact.")
    AttributionResponse attribution(
            @Parameter(description = "period start (ISO-8601 instant); default: 30 days before `to`")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "period end (ISO-8601 instant); default: now")
                    @RequestParam(required = false)
                    @Nullable
                    Instant to,
            @Parameter(description = "days before a repurchase whose touches belong to its journey")
                    @RequestParam(defaultValue = "30")
                    @Min(1)
                    @Max(90)
                    int lookbackDays,
            @Parameter(description = "channel or campaign") @RequestParam(defaultValue = "channel") String by) {
        Period period = RequestPeriods.period(from, to, clock);
        ChannelAttribution.Touchpoints touchpoints = Arrays.stream(ChannelAttribution.Touchpoints.values())
                .filter(t -> t.param().equals(by))
                .findFirst()
                .orElseThrow(() -> new BadRequestException("by", "must be channel or campaign"));
        return new AttributionResponse(
                period.from(),
                period.to(),
                lookbackDays,
                touchpoints.param(),
                "shapley (Zhao et al. 2018, v(S) = repurchases whose touchpoint set is a subset of S) and last touch",
                attribution.compute(period, lookbackDays, touchpoints));
    }
}
