package com.freshloop.gateway.collector;

import com.freshloop.events.Topics;
import com.freshloop.events.Violation;
import com.freshloop.gateway.edge.RequestIdFilter;
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
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "events")
class CollectorController {

    private static final Logger log = LoggerFactory.getLogger(CollectorController.class);
    private static final Logger audit = LoggerFactory.getLogger("freshloop.audit");

    private final EventCollector collector;
    private final BatchValidator behaviour;
    private final BatchValidator context;

    CollectorController(EventCollector collector, CollectorProperties properties) {
        this.collector = collector;
        this.behaviour = BatchValidator.behaviour(properties.maxBatchSize());
        this.context = new BatchValidator(properties.maxBatchSize(), Topics.CONTEXT, "operator-feed");
    }

    /** How many events of the batch were written, and how many were already known by id. */
    record Accepted(int accepted, int duplicates) {}

    @PostMapping(path = "/api/v1/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Collect a batch of the caller's behaviour events",
            description = "Body: {\"events\": [{\"id\": uuid, \"type\": \"cart.item_added\", \"time\": ISO-8601, "
                    + "\"data\": {...}}]} with 1 to 500 events. The subject is the caller; the batch is rejected "
                    + "whole, with every bad field named, if any event is invalid. Event ids already collected are "
                    + "skipped (reported as duplicates), so a batch can be resent safely. 429 with Retry-After when "
                    + "over the rate limit or when Kafka cannot keep up; 503 when Kafka does not acknowledge.")
    Mono<ResponseEntity<?>> collect(
            @RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        List<String> roles = jwt.getClaimAsStringList(Roles.CLAIM);
        if (roles == null || !roles.contains(Roles.SHOPPER)) {
            return Mono.just(problem(HttpStatus.FORBIDDEN, "Only shoppers send behaviour events."));
        }
        return write(behaviour.validate(body, jwt.getSubject()), Topics.BEHAVIOUR, exchange);
    }

    @PostMapping(path = "/admin/v1/context/events", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Feed weather observations and holidays per region (operators)",
            description = "Same batch format as /api/v1/events with types weather.observed "
                    + "{region, date, temperatureC, condition} and holiday.declared {region, date, name}; the subject "
                    + "is the region. See docs/context-feed.md.")
    Mono<ResponseEntity<?>> context(
            @RequestBody JsonNode body, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        BatchValidator.Result result = context.validate(body, null);
        if (result.violations().isEmpty()) {
            audit.info(
                    "actor={} action=context.feed events={} request={}",
                    jwt.getSubject(),
                    result.events().size(),
                    exchange.getAttributes().get(RequestIdFilter.ATTRIBUTE));
        }
        return write(result, Topics.CONTEXT, exchange);
    }

    private Mono<ResponseEntity<?>> write(BatchValidator.Result result, String topic, ServerWebExchange exchange) {
        if (!result.violations().isEmpty()) {
            return Mono.error(badRequest(result.violations()));
        }
        String requestId = (String) exchange.getAttributes().get(RequestIdFilter.ATTRIBUTE);
        return collector
                .publish(result.events(), topic, requestId)
                .<ResponseEntity<?>>map(outcome ->
                        ResponseEntity.accepted().body(new Accepted(outcome.accepted(), outcome.duplicates())))
                .onErrorResume(
                        EventCollector.Overloaded.class,
                        e -> Mono.just(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                                .header("Retry-After", "1")
                                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                .body(ProblemDetail.forStatusAndDetail(
                                        HttpStatus.TOO_MANY_REQUESTS,
                                        "The collector is busy; resend the same batch after Retry-After."))))
                .onErrorResume(e -> !(e instanceof EventCollector.Overloaded), e -> {
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
