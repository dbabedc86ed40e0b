package com.freshloop.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Gives the application under test the key that {@link TestTokens} signs with. */
@TestConfiguration(proxyBeanMethods = false)
public class SecurityInfrastructure {

    @Bean
    DynamicPropertyRegistrar testJwtSecret() {
        return registry -> registry.add("freshloop.security.jwt.secret", TestTokens::secret);
    }
}
