package com.freshloop.metrics.config;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "metrics-service",
                        version = "v1",
                        description = "Every platform event in ClickHouse, and what is computed from it: the repurchase"
                                + " loop's metrics, threshold alerts, Shapley attribution of repurchases,"
                                + " the \"why did you come back\" survey, and each shopper's own activity."
                                + " Operators: /admin/v1/metrics/**; shoppers: /api/v1/metrics/me/**."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {}
