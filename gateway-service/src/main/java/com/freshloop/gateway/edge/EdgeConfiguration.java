package com.freshloop.gateway.edge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {

    @Bean
    RedisRateLimiter redisRateLimiter(EdgeProperties properties) {
        return new RedisRateLimiter(
                properties.perUser().replenishRate(), properties.perUser().burstCapacity());
    }

    @Bean
    RateLimitFilter rateLimitFilter(RedisRateLimiter limiter, EdgeProperties properties) {
        return new RateLimitFilter(limiter, properties);
    }

    @Bean
    RequestIdFilter requestIdFilter() {
        return new RequestIdFilter();
    }

    @Bean
    CorsWebFilter corsWebFilter(EdgeProperties properties) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(properties.allowedOrigins());
        cors.addAllowedMethod("*");
        cors.addAllowedHeader("*");
        cors.addExposedHeader(RequestIdFilter.HEADER);
        cors.addExposedHeader("Retry-After");
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return new CorsWebFilter(source);
    }
}
