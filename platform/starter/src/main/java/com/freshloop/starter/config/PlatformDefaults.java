package com.freshloop.starter.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares, as the lowest-precedence defaults: a service's application.yml or
 * the environment overrides any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE = "freshloopPlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("server.shutdown", "graceful");
        // long (invalid) query values reach validation and get a problem detail instead of a bare 400/414
        d.put("server.max-http-request-header-size", "32KB");
        d.put("server.netty.max-initial-line-length", "16KB");
        d.put("spring.webflux.problemdetails.enabled", "true");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.health.livenessstate.enabled", "true");
        d.put("management.health.readinessstate.enabled", "true");

        d.put("freshloop.security.jwt.secret", "${FRESHLOOP_JWT_SECRET:}");
        d.put("freshloop.security.jwt.jwk-set-uri", "${FRESHLOOP_JWT_JWK_SET_URI:}");

        d.put("spring.kafka.bootstrap-servers", "${KAFKA_BOOTSTRAP_SERVERS:localhost:9092}");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.isolation-level", "read_committed");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put(
                "spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        d.put(
                "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                "com.freshloop.starter.kafka.EnvelopeDeserializer");
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "com.freshloop.starter.kafka.EnvelopeSerializer");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");

        // The outbox: Modulith's registry in the service's database, re-sent after a restart.
        d.put("spring.modulith.events.jdbc.schema-initialization.enabled", "true");
        d.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
        d.put("spring.modulith.events.kafka.enable-json", "false");
        d.put("spring.modulith.events.externalization.enabled", "true");

        environment.getPropertySources().addLast(new MapPropertySource(SOURCE, d));
    }
}
