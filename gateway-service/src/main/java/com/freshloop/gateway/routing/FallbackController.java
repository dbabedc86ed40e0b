package com.freshloop.gateway.routing;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * What the app gets when a service is down or its circuit is open: a 503 problem, for every method —
 * except a shopper's recommendations, which fall back to the popular items (see {@link PopularFallback}).
 */
@RestController
@Hidden
class FallbackController {

    static final String RECOMMENDATIONS = "recommendation-service";

    private final PopularFallback popular;

    FallbackController(PopularFallback popular) {
        this.popular = popular;
    }

    @RequestMapping("/fallback/{service}")
    Mono<ResponseEntity<?>> fallback(@PathVariable String service, ServerWebExchange exchange) {
        if (RECOMMENDATIONS.equals(service)
                && HttpMethod.GET.equals(exchange.getRequest().getMethod())
                && PopularFallback.PATH.equals(originalPath(exchange))) {
            return popular.recommendations(exchange)
                    .<ResponseEntity<?>>map(body -> ResponseEntity.ok()
                            .contentType(MediaType.APPLICATION_JSON)
                            .header("X-Fallback", "popular")
                            .body(body))
                    .switchIfEmpty(Mono.fromSupplier(() -> unavailable(service)));
        }
        return Mono.just(unavailable(service));
    }

    static ResponseEntity<?> unavailable(String service) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, service + " is not available right now; please retry shortly.");
        problem.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The path the app called, before the circuit breaker rewrote it to this fallback (see {@link Routes}). */
    static String originalPath(ServerWebExchange exchange) {
        String path = exchange.getAttribute(Routes.ORIGINAL_PATH);
        return path != null ? path : exchange.getRequest().getPath().value();
    }
}
