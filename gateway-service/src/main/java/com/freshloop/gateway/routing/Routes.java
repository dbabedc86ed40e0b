package com.freshloop.gateway.routing;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * One route per service for its shopper ({@code /api/v1/<area>/**}) and operator
 * ({@code /admin/v1/<area>/**}) APIs, behind a circuit breaker that falls back to a problem
 * response; GETs are retried, other methods never (a retried POST could run twice). Each service's
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
}
