package com.freshloop.metrics.dashboard.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** {@code /dashboard} opens the page; its files are served from {@code classpath:/static/dashboard/}. */
@Configuration(proxyBeanMethods = false)
class DashboardRoutes implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // the page reads its date range from the query (?from=2025-01-01&to=2025-04-01): keep it
        registry.addRedirectViewController("/dashboard", "/dashboard/index.html")
                .setKeepQueryParams(true);
        registry.addRedirectViewController("/dashboard/", "/dashboard/index.html")
                .setKeepQueryParams(true);
    }
}
