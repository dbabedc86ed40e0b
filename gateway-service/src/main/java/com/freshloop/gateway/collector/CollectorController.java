package com.freshloop.gateway.collector;

import com.freshloop.events.Violation;
import com.freshloop.starter.security.Roles;
import com.freshloop.starter.web.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "events")
class CollectorController {

    private static final Logger log = LoggerFactory.getLogger(CollectorController.class);

    private final EventCollector collector;
    private final BatchValidator validator;

    CollectorController(EventCollector collector, CollectorProperties properties) {
        this.collector = collector;
        this.validator = new BatchValidator(properties.maxBatchSize());
    }

    /** How many events of the batch were accepted. */
    record Accepted(int accepted) {}

    @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Collect a batch of the caller's behaviour events",
            description = "Body: {\"events\": [{\"id\": uuid, \"type\": \"cart.item_added\", \"time\": ISO-8601, "
                    + "\"data\": {...}}]} with 1 to 500 events. The subject is the caller; the batch is rejected "
                    + "whole, with every bad field named, if any event is invalid.")
    Mono<ResponseEntity<?>> collect(@RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        if (roles == null || !roles.contains(Roles.SHOPPER)) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, "Only shoppers send behaviour events."));
        }
        BatchValidator.Result result = validator.validate(body, jwt.getSubject());
        if (!result.violations().isEmpty()) {
            return Mono.error(badRequest(result.violations()));
        }
        return collector
                .publish(result.events())
                .<ResponseEntity<?>>map(n -> ResponseEntity.accepted().body(new Accepted(n)))
                .onErrorResume(e -> {
                    log.warn(
                            "Kafka did not acknowledge a batch of {} events: {}",
                            result.events().size(),
                            e.toString());
                    return Mono.just(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                            .header("Retry-After", "2")
                            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                            .body(ProblemDetail.forStatusAndDetail(
                                    HttpStatus.SERVICE_UNAVAILABLE,
                                    "Events could not be stored right now; resend the same batch later.")));
                });
    }

    private static BadRequestException badRequest(List<Violation> violations) {
        List<Map<String, String>> errors = violations.stream()
                .map(v -> Map.of("field", v.field(), "message", v.message()))
                .toList();
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " problems, first " + violations.get(0).field() + ": "
                        + violations.get(0).message();
        return new BadRequestException(detail, errors);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
