package com.freshloop.metrics.feedback.web;

import com.freshloop.metrics.feedback.Surveys;
import com.freshloop.starter.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Survey (shoppers)", description = "The app's \"why did you come back\" survey")
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    /** @param responseId the answer's id (the one sent, or a new one) */
    record SurveyResponse(UUID responseId, Instant answeredAt) {}

    /** @param answers the caller's answers, newest first */
    record MyAnswers(List<Surveys.OwnAnswer> answers) {}

    private static final int MY_ANSWERS_LIMIT = 100;

    @GetMapping("/api/v1/metrics/me/survey")
    @Operation(
            summary = "My survey answers",
            description = "The caller's own answers (the token's user), newest first, at most " + MY_ANSWERS_LIMIT
                    + ". Nobody else's answers are ever returned.")
    MyAnswers mine() {
        return new MyAnswers(surveys.answersOf(CurrentUser.id(), MY_ANSWERS_LIMIT));
    }

    @PostMapping("/api/v1/metrics/me/survey")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Answer the survey",
            description = "Stored as the caller's answer (the token's user). Unknown codes are refused with a 400"
                    + " naming the field, e.g. reasons[1].")
    SurveyResponse answer(@Valid @RequestBody SurveyRequest request) {
        Surveys.Answer answer = request.answer();
        return new SurveyResponse(answer.responseId(), surveys.record(CurrentUser.id(), answer));
    }
}
