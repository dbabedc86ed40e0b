package com.freshloop.metrics.feedback.web;

import com.freshloop.metrics.feedback.SurveyCodes;
import com.freshloop.metrics.feedback.Surveys;
import com.freshloop.starter.web.BadRequestException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * "Why did you come back?"
 *
 * @param responseId the app's id for this answer; a retry with the same id counts once (default: a
 *     new id)
 * @param reasons 1 to 5 codes: coupon, push_reminder, recommendation, membership_perk, freshness,
 *     price, delivery_speed, product_range, habit, other
 * @param blockers up to 5 codes of what nearly kept them away: delivery_speed, freshness, price,
 *     rider_attitude, stock_out, product_quality, app_experience, other
 * @param comment optional free text, at most 1000 characters
 * @param orderId optional order that brought them back
 */
record SurveyRequest(
        @Nullable UUID responseId,

        @Schema(example = "[\"coupon\", \"freshness\"]") @NotNull @Size(min = 1, max = 5)
        List<String> reasons,

        @Size(max = 5) @Nullable List<String> blockers,
        @Size(max = SurveyCodes.MAX_COMMENT) @Nullable String comment,
        @Size(max = 64) @Nullable String orderId) {

    Surveys.Answer answer() {
        return new Surveys.Answer(
                responseId == null ? UUID.randomUUID() : responseId,
                codes("reasons", reasons, SurveyCodes.REASONS),
                codes("blockers", blockers == null ? List.of() : blockers, SurveyCodes.BLOCKERS),
                comment == null ? "" : comment.strip(),
                orderId == null ? "" : orderId.strip());
    }

    private static List<String> codes(String field, List<String> given, List<String> allowed) {
        for (int i = 0; i < given.size(); i++) {
            if (!allowed.contains(given.get(i))) {
                throw new BadRequestException(field + "[" + i + "]", "must be one of " + String.join(", ", allowed));
            }
        }
        return given.stream().distinct().toList();
    }
}
