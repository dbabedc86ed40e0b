package com.freshloop.metrics.feedback.web;

import com.freshloop.metrics.feedback.SurveyCodes;
import com.freshloop.metrics.feedback.Surveys;
import com.freshloop.metrics.kpi.Period;
import com.freshloop.metrics.kpi.web.RequestPeriods;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Feedback (operators)", description = "Survey answers and repurchase blockers, aggregated")
class FeedbackController {

    private final Surveys surveys;
    private final Clock clock;

    FeedbackController(Surveys surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    /**
     * @param sources where the counts come from
     * @param gaps what is not counted yet
     */
    record BlockersResponse(
            Instant from, Instant to, List<Surveys.Blocker> aspects, List<String> sources, List<String> gaps) {}

    record SummaryResponse(Instant from, Instant to, List<String> reasonCodes, Surveys.Summary summary) {}

    @GetMapping("/admin/v1/metrics/surveys")
    @Operation(
            summary = "Survey answers in a period",
            description = "Responses and respondents, responses per reason and per blocker code (share = of all"
                    + " responses), and the latest comments.")
    SummaryResponse surveys(
            @Parameter(description = "answered at or after; default: 30 days before `to`")
                    @RequestParam(required = false)
                    @Nullable
                    Instant from,
            @Parameter(description = "answered before; default: now") @RequestParam(required = false) @Nullable
                    Instant to,
            @Parameter(description = "how many of the latest comments")
                    @RequestParam(defaultValue = "20")
                    @Min(0)
                    @Max(200)
                    int comments) {
        Period period = RequestPeriods.period(from, to == null ? clock.instant().plusSeconds(1) : to, clock);
        return new SummaryResponse(
                period.from(), period.to(), SurveyCodes.REASONS, surveys.summary(period.from(), period.to(), comments));
    }

    @GetMapping("/admin/v1/metrics/feedback/blockers")
    @Operation(
            summary = "Repurchase blockers per aspect",
            description = "Per aspect (delivery_speed, freshness, price, rider_attitude, ...): survey responses naming"
                    + " it as a blocker, and users tagged unhappy:<aspect> by profile-service's review and chat"
                    + " analysis (tag.assigned events) in the period.")
    BlockersResponse blockers(
            @Parameter(description = "from; default: 30 days before `to`") @RequestParam(required = false) @Nullable
                    Instant from,
            @Parameter(description = "to; default: now") @RequestParam(required = false) @Nullable Instant to) {
        Period period = RequestPeriods.period(from, to == null ? clock.instant().plusSeconds(1) : to, clock);
        return new BlockersResponse(
                period.from(),
                period.to(),
                surveys.blockers(period.from(), period.to()),
                List.of("survey_responses.blockers", "tag.assigned unhappy:<aspect>"),
                List.of("profile-service keeps its unhappy:<aspect> text-analysis tags in its own database and does"
                        + " not publish them yet; until it publishes them as tag.assigned on freshloop.tags.v1,"
                        + " taggedUsers stays 0 and only survey answers count"));
    }
}
