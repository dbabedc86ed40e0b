package com.freshloop.gateway.routing;

import java.io.IOException;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * One route per service for its shopper ({@code /api/v1/<area>/**}) and operator
 * ({@code /admin/v1/<area>/**}) APIs, behind a circuit breaker that falls back to a problem
 * response; GETs are retried when the connection fails, other methods never (a retried POST could
 * run twice) and a call that timed out never (retrying a slow service adds load when it can least
 * take it). The time limit is the connection's read timeout (see {@link #responseTimeout}). Each service's
 * OpenAPI document is exposed at {@code /v3/api-docs/<service>} for the aggregated Swagger UI.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
class Routes {

    /** Exchange attribute: the path the app called, for fallbacks that answer per path. */
    static final String ORIGINAL_PATH = Routes.class.getName() + ".originalPath";

    @Bean
    RouteLocator serviceRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, upstream) -> {
            String area = upstream.area();
            routes.route(
                    name,
                    r -> r.path("/api/v1/" + area + "/**", "/admin/v1/" + area + "/**")
                            .filters(f -> f.filter((exchange, chain) -> {
                                        exchange.getAttributes()
                                                .put(
                                                        ORIGINAL_PATH,
                                                        exchange.getRequest()
                                                                .getPath()
                                                                .value());
                                        return chain.filter(exchange);
                                    })
                                    .circuitBreaker(cb -> cb.setName(name).setFallbackUri("forward:/fallback/" + name))
                                    .retry(retry -> retry.setRetries(2)
                                            .setMethods(HttpMethod.GET)
                                            .setExceptions(IOException.class)
                                            .setBackoff(Duration.ofMillis(50), Duration.ofMillis(500), 2, true)))
                            .uri(upstream.uri()));
            routes.route(
                    name + "-api-docs",
                    r -> r.path("/v3/api-docs/" + name)
                            .filters(f -> f.setPath("/v3/api-docs"))
                            .uri(upstream.uri()));
        });
        return routes.build();
    }

    /**
     * The time limit on each call to a service, as a read timeout on the pooled connection: it runs
     * on the connection's own event loop, where resilience4j's time limiter (switched off in
     * application.yml) scheduled and cancelled a timer on a shared scheduler for every request. A
     * timed-out call fails with a {@code ReadTimeoutException}, which the circuit breaker counts and
     * answers with the route's fallback.
     */
    @Bean
    HttpClientCustomizer responseTimeout(GatewayProperties properties) {
        return client -> client.responseTimeout(properties.responseTimeout());
    }
}
