package com.freshloop.metrics.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * The dashboard's static files (HTML, JS, CSS) are public: the page holds no data, it asks the
 * operator for a token and sends it as a bearer token to the {@code /admin/v1/**} APIs, which the
 * platform's filter chain protects as usual. Ignoring these paths leaves the starter's chain (which
 * denies everything it does not know) untouched.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    @Bean
    WebSecurityCustomizer dashboardIsPublic() {
        return web -> web.ignoring().requestMatchers("/dashboard", "/dashboard/**");
    }
}
