package com.freshloop.testing;

import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.containers.GenericContainer;

/** A real Redis: a container when Docker exists, otherwise the local server (on a random logical database). */
@TestConfiguration(proxyBeanMethods = false)
@Import(SecurityInfrastructure.class)
public class RedisInfrastructure {

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.class)
    static class Container {
        @Bean
        @ServiceConnection(name = "redis")
        GenericContainer<?> redis() {
            return new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(OnDocker.Not.class)
    static class Local {
        @Bean
        DynamicPropertyRegistrar localRedis() {
            int database = ThreadLocalRandom.current().nextInt(1, 16);
            return registry -> {
                registry.add("spring.data.redis.host", LocalServers::redisHost);
                registry.add("spring.data.redis.port", LocalServers::redisPort);
                registry.add("spring.data.redis.database", () -> database);
            };
        }
    }
}
